import type { ReactNode } from 'react';

/** A titled page section with its heading linked for screen readers. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A table's header row, one column header each; `children` adds header cells of its own (a sort button) after them. */
export function ColumnHeads({ columns, children }: { columns: string[]; children?: ReactNode }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {children}
      </tr>
    </thead>
  );
}

/** A list table: scrolls sideways on its own when narrow, captioned for screen readers, one header per column. */
export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <ColumnHeads columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A select's options for a fixed list of values (roles, risk levels), each shown by its translated name. */
export function ValueOptions<T extends string>({ values, label }: { values: readonly T[]; label(value: T): string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}
