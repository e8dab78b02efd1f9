import type { ControlProps } from './field.js';
import { useI18n } from '../i18n/i18n.js';
import { CountrySelect } from './country-select.js';
import { ChoiceGroup, CountryList, FileValues, TextList } from './multi-inputs.js';
import type { ValueType } from './value-type.js';

export type { ValueType };

/** Types rendered as a fieldset with a legend rather than one labelled control. */
export const GROUP_TYPES: ReadonlySet<string> = new Set(['RADIO', 'SELECT_MULTI', 'COUNTRY_MULTI', 'LIST', 'FILE_MULTI']);

export interface ValueInputProps {
  type: ValueType;
  value: unknown;
  /** `commit`: a finished change (a click, a choice) that should be saved at once. */
  onChange(value: unknown, commit: boolean): void;
  control: ControlProps;
  choices?: Array<{ key: string; title: string }> | undefined;
  placeholder?: string | null | undefined;
  isReadOnly?: boolean | undefined;
  /** TEXT's limit differs between custom fields (100) and questions (1000). */
  maxLength?: number | undefined;
}

const INPUT_TYPES: Partial<Record<ValueType, string>> = {
  EMAIL: 'email',
  PASSWORD: 'password',
  TEL: 'tel',
  TEXT: 'text',
  URL: 'url',
  DATE: 'date',
  TIME: 'time',
  COLOR: 'color',
};
const AUTOCOMPLETE: Partial<Record<ValueType, string>> = { EMAIL: 'email', TEL: 'tel', URL: 'url', PASSWORD: 'new-password' };

/** One control per value type, producing exactly the JSON value the API expects. */
export function ValueInput(props: ValueInputProps) {
  const { t } = useI18n();
  const { type, value, onChange, control, choices = [], placeholder, isReadOnly, maxLength } = props;
  const text = typeof value === 'string' ? value : '';
  switch (type) {
    case 'CHECKBOX':
      return (
        <span className="checkbox-line">
          <input {...control} type="checkbox" checked={value === true} disabled={isReadOnly} onChange={(e) => onChange(e.target.checked, true)} />
          <span aria-hidden="true">{t('value.yes')}</span>
        </span>
      );
    case 'COUNTRY':
      return <CountrySelect {...control} value={text} disabled={isReadOnly} onChange={(code) => onChange(code || null, true)} />;
    case 'SELECT':
      return (
        <select {...control} value={text} disabled={isReadOnly} onChange={(e) => onChange(e.target.value || null, true)}>
          <option value="">{t('value.choose')}</option>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.title}
            </option>
          ))}
        </select>
      );
    case 'RADIO':
    case 'SELECT_MULTI':
      return <ChoiceGroup {...props} isMulti={type === 'SELECT_MULTI'} />;
    case 'COUNTRY_MULTI':
      return <CountryList {...props} />;
    case 'LIST':
      return <TextList {...props} />;
    case 'FILE':
    case 'FILE_MULTI':
      return <FileValues {...props} isMulti={type === 'FILE_MULTI'} />;
    case 'INTEGER':
    case 'FLOAT':
      return (
        <input
          {...control}
          type="number"
          inputMode={type === 'INTEGER' ? 'numeric' : 'decimal'}
          step={type === 'INTEGER' ? 1 : 'any'}
          value={typeof value === 'number' ? String(value) : ''}
          readOnly={isReadOnly}
          placeholder={placeholder ?? undefined}
          onChange={(e) => onChange(e.target.value === '' ? null : type === 'INTEGER' ? Math.trunc(Number(e.target.value)) : Number(e.target.value), false)}
        />
      );
    case 'TEXT_AREA':
      return (
        <textarea
          {...control}
          value={text}
          rows={5}
          maxLength={10_000}
          readOnly={isReadOnly}
          placeholder={placeholder ?? undefined}
          onChange={(e) => onChange(e.target.value, false)}
        />
      );
    case 'DATETIME':
      return (
        <input
          {...control}
          type="datetime-local"
          value={toLocalInput(text)}
          readOnly={isReadOnly}
          onChange={(e) => onChange(e.target.value ? toIsoWithOffset(e.target.value) : null, false)}
        />
      );
    default:
      return (
        <input
          {...control}
          type={INPUT_TYPES[type] ?? 'text'}
          value={type === 'COLOR' ? text || '#000000' : text}
          maxLength={type === 'TEXT' ? (maxLength ?? 1000) : undefined}
          readOnly={isReadOnly}
          placeholder={placeholder ?? undefined}
          autoComplete={AUTOCOMPLETE[type] ?? 'off'}
          onChange={(e) => onChange(e.target.value, type === 'COLOR')}
        />
      );
  }
}

/** "2026-11-26T10:30" (local) -> "2026-11-26T10:30:00+02:00": ISO 8601 with the user's offset. */
export function toIsoWithOffset(local: string): string {
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
