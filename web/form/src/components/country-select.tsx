import type { SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { countryOptions } from '../../../shared/i18n/format.js';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  value: string;
  onChange(code: string): void;
  /** Codes to leave out (those already chosen in a list). */
  exclude?: readonly string[];
  placeholderKey?: 'value.chooseCountry' | 'value.addCountry';
};

/** Countries named and sorted in the page language (Intl), valued by ISO code. */
export function CountrySelect({ value, onChange, exclude = [], placeholderKey = 'value.chooseCountry', ...rest }: Props) {
  const { t, locale } = useI18n();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t(placeholderKey)}</option>
      {countryOptions(locale)
        .filter((c) => !exclude.includes(c.code))
        .map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
    </select>
  );
}
