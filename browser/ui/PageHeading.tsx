import { useEffect, useRef, type ReactNode } from 'react';
import { consumeNavigation } from '../router.js';

type Props = { children: ReactNode; title: string; appName: string };

/**
 * The page's h1 and document title. After a navigation inside the app the
 * heading takes the focus, so keyboard and screen reader users start at the
 * new page, as they would after a page load.
 */
export function PageHeading({ children, title, appName }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    if (consumeNavigation()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} className="utrecht-heading-1" tabIndex={-1}>
      {children}
    </h1>
  );
}
