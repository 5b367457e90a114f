// Page frame: sets document.title, renders the page's single h1 and moves focus to it after
// client-side navigation so screen reader and keyboard users land at the new content.
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

let firstPageShown = false;

interface PageProps {
  title: string;
  /** Visible h1 when it differs from the document title (e.g. a person's name). */
  heading?: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
}

export function Page({ title, heading, lead, actions, children, narrow }: PageProps) {
  const t = useT();
  const h1 = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t.pageTitle(title);
  }, [t, title]);

  useEffect(() => {
    if (firstPageShown) h1.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <div className="page-head">
        <div>
          <h1 ref={h1} tabIndex={-1}>{heading ?? title}</h1>
          {lead && <div className="lead">{lead}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
