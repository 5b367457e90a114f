// One section of the provider's order page (beställning, plan, journal, messages …).
import type { ReactNode } from 'react';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="cs-section pv-section">
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}
