import { Link } from '../router.js';
import { PageHeading } from './PageHeading.js';

type Props = { title: string; appName: string; back: { href: string; label: string } };

/** The page for an address the app does not know, with the way back to its first page. */
export function NotFound({ title, appName, back }: Props) {
  return (
    <div className="omslag-page">
      <PageHeading title={title} appName={appName}>
        {title}
      </PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={back.href}>
          {back.label}
        </Link>
      </p>
    </div>
  );
}
