import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';

export interface Picked {
  name: string;
  required: boolean;
}

/** Chosen items of a closed list (company fields, document types), each required or not; more are added from a select. */
export function PickList({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  options: readonly string[];
  value: Picked[];
  onChange(next: Picked[]): void;
}) {
  const { t } = useI18n();
  const rest = options.filter((o) => !value.some((v) => v.name === o));
  const [adding, setAdding] = useState('');
  const toAdd = rest.includes(adding) ? adding : (rest[0] ?? '');
  return (
    <fieldset className="pick-list">
      <legend>{label}</legend>
      {value.length === 0 ? <p className="note">{t('flows.noneChosen')}</p> : null}
      <ul>
        {value.map((item, i) => (
          <li key={item.name}>
            <span className="pick-name">{item.name}</span>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={item.required}
                onChange={(e) => onChange(value.map((v, j) => (j === i ? { ...v, required: e.target.checked } : v)))}
              />{' '}
              {t('flows.requiredNamed', { name: item.name })}
            </label>
            <button
              type="button"
              className="button secondary small"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={t('flows.removeNamed', { name: item.name })}
            >
              {t('flows.remove')}
            </button>
          </li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <div className="pick-add">
          <label htmlFor={`${id}-add`}>{t('flows.addTo', { list: label })}</label>
          <select id={`${id}-add`} value={toAdd} onChange={(e) => setAdding(e.target.value)}>
            {rest.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <button type="button" className="button secondary small" onClick={() => onChange([...value, { name: toAdd, required: false }])}>
            {t('flows.add')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
