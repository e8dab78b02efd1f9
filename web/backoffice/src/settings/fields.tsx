import { Field } from '../components/field.js';

/** What every labelled control of the settings editors takes: its id, label, and the hint and error under it. */
interface Labelled {
  id: string;
  label: string;
  isRequired?: boolean;
  hint?: string | null;
  error?: string | null;
}

/** A labelled one-line text input (or a textarea with `rows`), bounded by `maxLength`. */
export function TextField({
  value,
  maxLength,
  rows,
  onChange,
  ...field
}: Labelled & { value: string; maxLength: number; rows?: number; onChange(next: string): void }) {
  return (
    <Field {...field}>
      {(c) =>
        rows ? (
          <textarea {...c} rows={rows} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...c} value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

/** A labelled select over a fixed list of codes (the enums of src/shared), each shown as itself. */
export function CodeSelect<Code extends string>({
  value,
  options,
  onChange,
  ...field
}: Labelled & { value: Code; options: readonly Code[]; onChange(next: Code): void }) {
  return (
    <Field {...field}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value as Code)}>
          {options.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A condition of the questionnaire language, typed as code; empty means "always" (null). */
export function ConditionField({ value, onChange, ...field }: Labelled & { value: string | null | undefined; onChange(next: string | null): void }) {
  return (
    <Field {...field}>
      {(c) => <input {...c} className="code" value={value ?? ''} maxLength={1000} spellCheck={false} onChange={(e) => onChange(e.target.value || null)} />}
    </Field>
  );
}

/** A labelled number between `min` and `max`; an emptied input gives null, so the caller decides what "no number" means. */
export function NumberField({
  value,
  min,
  max,
  onChange,
  ...field
}: Labelled & { value: number | null | undefined; min: number; max: number; onChange(next: number | null): void }) {
  return (
    <Field {...field}>
      {(c) => (
        <input {...c} type="number" min={min} max={max} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.valueAsNumber)} />
      )}
    </Field>
  );
}

/** The free-text description of a catalog entry (flow, questionnaire): up to 512 characters, empty sent as null. */
export function DescriptionField({ value, onChange, ...field }: Labelled & { value: string | null | undefined; onChange(next: string | null): void }) {
  return <TextField {...field} rows={2} maxLength={512} value={value ?? ''} onChange={(text) => onChange(text || null)} />;
}
