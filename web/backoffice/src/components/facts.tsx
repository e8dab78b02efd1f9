import type { ReactNode } from 'react';

/** A definition list of label/value pairs (each pair in its own div, as HTML allows). */
export function Facts({ items, className }: { items: Array<[ReactNode, ReactNode]>; className?: string }) {
  return (
    <dl className={className ?? 'facts'}>
      {items.map(([label, value], i) => (
        <div key={i} className="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
