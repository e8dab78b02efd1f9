import type { RegistryPerson } from '../../provider.js';
import type { Dataset } from '../dataset.js';
import { numberKey } from '../keys.js';
import { jsonLines } from '../read-file.js';

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** "ownership-of-shares-25-to-50-percent[-as-trust]" as 25..50; "...-more-than-25-percent" as 25..100. */
export function shareRange(natures: readonly string[]): { sharesMin: number; sharesMax: number } | undefined {
  for (const nature of natures) {
    if (!nature.startsWith('ownership-of-shares')) continue;
    const range = /(\d+)-to-(\d+)-percent/.exec(nature);
    if (range) return { sharesMin: Number(range[1]), sharesMax: Number(range[2]) };
    const over = /more-than-(\d+)-percent/.exec(nature);
    if (over) return { sharesMin: Number(over[1]), sharesMax: 100 };
  }
  return undefined;
}

/** One PSC snapshot record as an owner, or null for what is not a person (statements, exemptions). */
export function pscPerson(kind: string, data: Json): RegistryPerson | null {
  if (!kind.includes('person-with-significant-control') && !kind.includes('beneficial-owner')) return null;
  const isIndividual = kind.startsWith('individual');
  const isSecret = kind.startsWith('super-secure');
  const name = isSecret ? 'Super-secure person (details withheld by the register)' : text(data['name']);
  if (!name) return null;
  const person: RegistryPerson = { kind: isIndividual || isSecret ? 'individual' : 'company', role: 'owner', name };
  const elements = (data['name_elements'] ?? {}) as Json;
  if (text(elements['forename'])) person.firstName = text(elements['forename'])!;
  if (text(elements['surname'])) person.lastName = text(elements['surname'])!;
  const birth = data['date_of_birth'] as Json | undefined;
  if (birth && typeof birth['year'] === 'number' && typeof birth['month'] === 'number') {
    person.birthMonth = `${birth['year']}-${String(birth['month']).padStart(2, '0')}`;
  }
  if (text(data['nationality'])) person.nationality = text(data['nationality'])!;
  if (text(data['country_of_residence'])) person.countryOfResidence = text(data['country_of_residence'])!;
  const natures = Array.isArray(data['natures_of_control']) ? data['natures_of_control'].filter((n): n is string => typeof n === 'string') : [];
  if (natures.length > 0) person.natureOfControl = natures;
  Object.assign(person, shareRange(natures));
  if (text(data['notified_on'])) person.appointedOn = text(data['notified_on'])!;
  if (text(data['ceased_on'])) person.ceasedOn = text(data['ceased_on'])!;
  const identification = (data['identification'] ?? {}) as Json;
  if (text(identification['registration_number'])) person.registrationNumber = text(identification['registration_number'])!;
  const registeredIn = text(identification['country_registered']) ?? text(identification['place_registered']);
  if (registeredIn) person.registrationCountry = registeredIn;
  return person;
}

/**
 * The persons-with-significant-control snapshot (JSON lines, `{company_number, data}`), closed by
 * a `totals#persons-of-significant-control-snapshot` line: a file without it is cut short.
 */
export const ukPscDataset: Dataset = {
  id: 'uk-psc',
  table: 'registry_persons',
  async *read(path, counter, state) {
    state.isComplete = false;
    for await (const { line, value } of jsonLines(path, counter)) {
      const data = value['data'];
      if (typeof data !== 'object' || data === null) throw new Error(`line ${line} has no "data" object`);
      const kind = text((data as Json)['kind']) ?? '';
      if (kind.startsWith('totals#')) {
        state.publishedAt = text((data as Json)['generated_at']) ?? null;
        state.isComplete = true;
        continue;
      }
      if (state.isComplete) throw new Error(`line ${line} follows the closing totals line`);
      const number = text(value['company_number']);
      if (!number || !kind) throw new Error(`line ${line} has no company_number or kind`);
      const person = pscPerson(kind, data as Json);
      if (!person) {
        state.skipped += 1;
        continue;
      }
      yield { company_number_key: numberKey(number), data: JSON.stringify(person) };
    }
  },
};
