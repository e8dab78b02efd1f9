import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { countryName } from '../../../shared/i18n/format.js';
import { CountrySelect } from './country-select.js';
import type { ValueInputProps } from './value-input.js';

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** RADIO (one key) or SELECT_MULTI (array of keys); the first control carries the field id. */
export function ChoiceGroup({ value, onChange, control, choices = [], isReadOnly, isMulti }: ValueInputProps & { isMulti: boolean }) {
  const selected = isMulti ? asList(value) : [];
  return (
    <div className="choices">
      {choices.map((choice, i) => {
        const id = i === 0 ? control.id : `${control.id}-${choice.key}`;
        const isChecked = isMulti ? selected.includes(choice.key) : value === choice.key;
        const toggle = () => onChange(isMulti ? (isChecked ? selected.filter((k) => k !== choice.key) : [...selected, choice.key]) : choice.key, true);
        return (
          <label key={choice.key} className="choice" htmlFor={id}>
            <input
              id={id}
              type={isMulti ? 'checkbox' : 'radio'}
              name={control.id}
              value={choice.key}
              checked={isChecked}
              disabled={isReadOnly}
              onChange={toggle}
            />
            {choice.title}
          </label>
        );
      })}
    </div>
  );
}

/** COUNTRY_MULTI: chosen countries as removable items, and a select that adds one. */
export function CountryList({ value, onChange, control, isReadOnly }: ValueInputProps) {
  const { t, locale } = useI18n();
  const codes = asList(value);
  return (
    <div className="list-input">
      {codes.length > 0 ? (
        <ul className="chips">
          {codes.map((code) => (
            <li key={code}>
              {countryName(locale, code)}
              {isReadOnly ? null : (
                <RemoveButton
                  item={countryName(locale, code)}
                  onRemove={() =>
                    onChange(
                      codes.filter((c) => c !== code),
                      true,
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {isReadOnly ? null : (
        <CountrySelect
          id={control.id}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control['aria-invalid']}
          aria-label={t('value.addCountry')}
          value=""
          exclude={codes}
          placeholderKey="value.addCountry"
          onChange={(code) => {
            if (code) onChange([...codes, code], true);
          }}
        />
      )}
    </div>
  );
}

/** LIST: free-text items; an item is added with its own input and button. */
export function TextList({ value, onChange, control, isReadOnly }: ValueInputProps) {
  const { t } = useI18n();
  const items = asList(value);
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft.trim()) return;
    onChange([...items, draft.trim()], true);
    setDraft('');
  };
  return (
    <div className="list-input">
      {items.length > 0 ? (
        <ul className="chips">
          {items.map((item, i) => (
            <li key={`${i}-${item}`}>
              {item}
              {isReadOnly ? null : (
                <RemoveButton
                  item={item}
                  onRemove={() =>
                    onChange(
                      items.filter((_, j) => j !== i),
                      true,
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {isReadOnly ? null : (
        <div className="inline-add">
          <input
            id={control.id}
            type="text"
            value={draft}
            maxLength={1000}
            aria-label={t('value.newItem')}
            aria-describedby={control['aria-describedby']}
            aria-invalid={control['aria-invalid']}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button secondary" onClick={add}>
            {t('action.addItem')}
          </button>
        </div>
      )}
    </div>
  );
}

/** FILE / FILE_MULTI answers: new files become data: URLs; kept files are their URLs. */
export function FileValues({ value, onChange, control, isReadOnly, isMulti }: ValueInputProps & { isMulti: boolean }) {
  const { t } = useI18n();
  const files = isMulti ? asList(value) : typeof value === 'string' && value ? [value] : [];
  const emit = (next: string[]) => onChange(isMulti ? next : (next[0] ?? null), true);
  const pick = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const urls = await Promise.all([...list].map(readDataUrl));
    emit(isMulti ? [...files, ...urls] : urls.slice(0, 1));
  };
  return (
    <div className="list-input">
      {files.length > 0 ? (
        <ul className="chips">
          {files.map((file, i) => {
            const label = file.startsWith('data:') ? t('value.newFile', { n: i + 1 }) : t('value.savedFile', { n: i + 1 });
            return (
              <li key={`${i}-${file.slice(0, 64)}`}>
                {file.startsWith('data:') ? (
                  label
                ) : (
                  <a href={file} target="_blank" rel="noreferrer noopener">
                    {label}
                  </a>
                )}
                {isReadOnly ? null : <RemoveButton item={label} onRemove={() => emit(files.filter((_, j) => j !== i))} />}
              </li>
            );
          })}
        </ul>
      ) : null}
      {isReadOnly ? null : (
        <input
          id={control.id}
          type="file"
          multiple={isMulti}
          aria-describedby={control['aria-describedby']}
          aria-labelledby={isMulti ? `${control.id}-label` : undefined}
          aria-invalid={control['aria-invalid']}
          onChange={(e) => {
            void pick(e.target.files);
            e.target.value = '';
          }}
        />
      )}
    </div>
  );
}

/** The × after a chosen item, named for screen readers by the item it removes. */
function RemoveButton({ item, onRemove }: { item: string; onRemove(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="icon-button" onClick={onRemove} aria-label={t('action.removeItem', { item })}>
      ×
    </button>
  );
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
