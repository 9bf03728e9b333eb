import type { ReactNode } from 'react';
import { useWorkspace } from '../context.js';
import { formatDate, formatDateTime, valueText } from '../format.js';
import type { CaseView } from '../types.js';
import { Notice } from '../../browser/ui/Notice.js';

/** `children`: shown after the case's facts (who the citizen is, notes: parts that load their own data). */
type Props = { caseView: CaseView | null; error: string | null; children?: ReactNode };

/**
 * The whole case as the official needs it: who the citizen is, internal
 * notes, the citizen's answers with their
 * labels, every automated decision with its rule, inputs and reason (and
 * what would have changed its outcome), the
 * timeline, the messages sent, and the case's tasks.
 */
export function CaseDetails({ caseView: c, error, children }: Props) {
  const { t, lang } = useWorkspace();
  const labelOf = (id: string) => c?.answers.find((a) => a.id === id)?.label ?? id;
  // An input the rule read is shown as the citizen's answer when it is one (formatted: "€ 1.850,00", "Met partner").
  const inputText = (id: string, value: unknown) => {
    const answer = c?.answers.find((a) => a.id === id);
    return answer && JSON.stringify(answer.value) === JSON.stringify(value) && answer.text
      ? answer.text
      : valueText(value, lang) || '–';
  };
  return (
    <section className="werkplek-case" aria-labelledby="zaak-titel">
      <h2 className="utrecht-heading-2" id="zaak-titel">
        {t.caseSection}
        {c ? `: ${c.process.title}` : ''}
      </h2>
      {error && <Notice flash={{ kind: 'error', text: t.somethingWrong(error) }} />}
      {!c && !error && <p className="utrecht-paragraph">{t.loading}</p>}
      {c && (
        <>
          <dl className="werkplek-facts">
            <div className="werkplek-facts__row">
              <dt>{t.reference}</dt>
              <dd>{c.reference}</dd>
            </div>
            <div className="werkplek-facts__row">
              <dt>{t.currentStep}</dt>
              <dd>{c.step?.title ?? '–'}</dd>
            </div>
            {c.outcome && (
              <div className="werkplek-facts__row">
                <dt>{t.caseOutcome}</dt>
                <dd>
                  <strong>{c.outcome.title}</strong>
                  {c.outcome.message ? ` – ${c.outcome.message}` : ''}
                  {/* The decision letter (a PDF, made when the case ended): the same one the citizen downloads. */}
                  <br />
                  <a className="utrecht-link" href={`/api/cases/${encodeURIComponent(c.id)}/letter`} download>
                    {t.decisionLetter}
                  </a>
                </dd>
              </div>
            )}
          </dl>

          {children}

          <h3 className="utrecht-heading-3">{t.answers}</h3>
          {c.answers.length === 0 ? (
            <p className="utrecht-paragraph">{t.noAnswers}</p>
          ) : (
            <dl className="werkplek-answers">
              {c.answers.map((a) => (
                <div key={a.id} className="werkplek-answers__row">
                  <dt>{a.label}</dt>
                  <dd className="werkplek-pre">{a.text || valueText(a.value, lang)}</dd>
                </div>
              ))}
            </dl>
          )}

          <h3 className="utrecht-heading-3">{t.explanations}</h3>
          {c.explanations.length === 0 ? (
            <p className="utrecht-paragraph">{t.noExplanations}</p>
          ) : (
            <ol className="werkplek-explanations">
              {c.explanations.map((x, i) => (
                <li key={i} className="werkplek-explanation">
                  <p className="utrecht-paragraph werkplek-explanation__because">{x.because}</p>
                  {x.counterfactual && (
                    <p className="utrecht-paragraph werkplek-counterfactual">
                      <strong>{t.counterfactual}</strong> {x.counterfactual.text}
                    </p>
                  )}
                  <p className="werkplek-when">
                    {x.rule === 'otherwise'
                      ? t.otherwise
                      : t.rule(typeof x.rule === 'number' ? String(x.rule + 1) : String(x.rule))}{' '}
                    · <time dateTime={x.at}>{formatDateTime(x.at, lang)}</time>
                  </p>
                  {x.reasoning && <Reasoning reasoning={x.reasoning} />}
                  {x.when && !x.reasoning && (
                    <p className="werkplek-when">
                      {t.condition}: <code className="werkplek-code">{x.when}</code>
                    </p>
                  )}
                  {x.inputs && Object.keys(x.inputs).length > 0 && (
                    <dl className="werkplek-inputs" aria-label={t.inputs}>
                      {Object.entries(x.inputs).map(([id, v]) => (
                        <div key={id} className="werkplek-inputs__row">
                          <dt>{labelOf(id)}</dt>
                          <dd>{inputText(id, v)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </li>
              ))}
            </ol>
          )}

          <h3 className="utrecht-heading-3">{t.timeline}</h3>
          <ol className="werkplek-timeline">
            {c.timeline.map((item, i) => (
              <li key={i}>
                <time className="werkplek-when" dateTime={item.at}>
                  {formatDateTime(item.at, lang)}
                </time>{' '}
                {item.text}
              </li>
            ))}
          </ol>

          <h3 className="utrecht-heading-3">{t.messages}</h3>
          {c.messages.length === 0 ? (
            <p className="utrecht-paragraph">{t.noMessages}</p>
          ) : (
            c.messages.map((m, i) => (
              <article key={i} className="werkplek-message" aria-label={m.subject}>
                <h4 className="utrecht-heading-4">{m.subject}</h4>
                <p className="werkplek-when">
                  <time dateTime={m.at}>{formatDateTime(m.at, lang)}</time>
                </p>
                <p className="utrecht-paragraph werkplek-pre">{m.body}</p>
              </article>
            ))
          )}

          <h3 className="utrecht-heading-3">{t.caseTasks}</h3>
          <ul className="werkplek-case-tasks">
            {c.tasks.map((x) => (
              <li key={x.id}>
                {x.kind === 'contact' ? t.kindContact : t.kindHandoff} · {x.team} · {statusWord(x.status, t)}
                {x.assignee ? ` · ${x.assignee}` : ''}
                {x.dueAt ? ` · ${t.deadline.toLowerCase()} ${formatDate(x.dueAt, lang)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function statusWord(status: string, t: ReturnType<typeof useWorkspace>['t']) {
  return (
    ({ open: t.open, claimed: t.statusClaimed, completed: t.completed, closed: t.closed } as Record<string, string>)[
      status
    ] ?? status
  );
}

type Reasoning = NonNullable<CaseView['explanations'][number]['reasoning']>;

/**
 * How the rules were applied, for the official: each rule tried until one
 * held, its condition part by part in words with the case's values and the
 * limit that applied ("klopt" / "klopt niet"), and the otherwise. Words, not
 * FEEL; labels, not field ids.
 */
function Reasoning({ reasoning }: { reasoning: Reasoning }) {
  const { t } = useWorkspace();
  return (
    <section className="werkplek-reasoning" aria-label={t.reasoningTitle}>
      <h4 className="utrecht-heading-4">{t.reasoningTitle}</h4>
      <ol className="werkplek-reasoning__rules">
        {reasoning.rules.map((r) => (
          <li key={r.n} className={r.held ? 'is-held' : undefined}>
            <strong>{r.summary}</strong>
            {r.clauses && (
              <ul className="werkplek-reasoning__parts">
                {r.clauses.map((clause, i) => (
                  <li key={i}>
                    {i > 0 && <span className="werkplek-reasoning__or">{t.reasoningOr} </span>}
                    {clause.map((part, j) => (
                      <span key={j} className={`werkplek-reasoning__part${part.holds ? ' holds' : ''}`}>
                        {part.text}
                        {j < clause.length - 1 ? '; ' : ''}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {reasoning.otherwise && <p className="utrecht-paragraph">{reasoning.otherwise}</p>}
    </section>
  );
}
