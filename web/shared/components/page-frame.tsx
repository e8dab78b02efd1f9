import type { ReactNode, Ref } from 'react';

/**
 * What every page of both apps stands in: the skip link, the header (`className` adds the app's
 * own), a banner under it, and the main region the skip link leads to. The main region takes
 * focus (tabIndex -1), so an app can move screen readers there on a new page.
 */
export function PageFrame({
  skipLabel,
  headerClassName,
  header,
  banner,
  mainClassName,
  mainRef,
  children,
}: {
  skipLabel: string;
  headerClassName?: string;
  header: ReactNode;
  banner?: ReactNode;
  mainClassName?: string;
  mainRef?: Ref<HTMLElement>;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        {skipLabel}
      </a>
      <header className={headerClassName ? `header ${headerClassName}` : 'header'}>{header}</header>
      {banner}
      <main id="main" ref={mainRef} className={mainClassName ? `main ${mainClassName}` : 'main'} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
