import { forwardRef, type MouseEvent } from 'react';

type Props = {
  /** The summary's heading ("Er is iets niet goed ingevuld"). */
  title: string;
  /** Field errors by field id; each links to the input `#veld-<id>`. */
  errors: Record<string, string[]>;
  labels: Record<string, string>;
  /** A message that belongs to no field. */
  extra?: string | null;
  /** The heading level, to fit the page's outline (2 at the top of a page). */
  level?: 2 | 3 | 4;
};

/** The error summary at the top of a form: each message links to its field (GOV.UK / NL Design System pattern). */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary(
  { title, errors, labels, extra, level = 2 },
  ref,
) {
  const entries = Object.entries(errors);
  const Heading = `h${level}` as 'h2';
  if (!entries.length && !extra) return null;
  const focusField = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const field = document.getElementById(`veld-${id}`);
    if (!field) return;
    e.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };
  return (
    <div ref={ref} className="omslag-error-summary" role="alert" aria-labelledby="fouten-titel" tabIndex={-1}>
      <Heading className="omslag-error-summary__title" id="fouten-titel">
        {title}
      </Heading>
      <ul className="utrecht-unordered-list">
        {extra && <li>{extra}</li>}
        {entries.map(([id, messages]) => (
          <li key={id}>
            <a className="utrecht-link" href={`#veld-${id}`} onClick={(e) => focusField(e, id)}>
              {labels[id] ? `${labels[id]}: ` : ''}
              {messages.join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
