import type { BirthDate } from '../model.js';

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

const pad2 = (n: string) => n.padStart(2, '0');

/** A birth date from its parts; null parts lower the precision instead of guessing. */
export function birthDateFromParts(year: string, month: string | null, day: string | null, isApproximate = false): BirthDate | null {
  if (!/^\d{4}$/.test(year)) return null;
  if (month && Number(month) >= 1 && Number(month) <= 12) {
    if (day && Number(day) >= 1 && Number(day) <= 31) {
      return { value: `${year}-${pad2(month)}-${pad2(day)}`, precision: 'day', isApproximate, rangeTo: null };
    }
    return { value: `${year}-${pad2(month)}`, precision: 'month', isApproximate, rangeTo: null };
  }
  return { value: year, precision: 'year', isApproximate, rangeTo: null };
}

/**
 * OFAC-style dates: "17 Feb 1974", "Feb 1974", "1974", "circa 1955",
 * "1960 to 1962", and ISO "1974-02-17". Returns null for anything else.
 */
export function parseLooseDate(raw: string): BirthDate | null {
  let text = raw.trim().replace(/\.$/, '');
  let isApproximate = false;
  const circa = /^(circa|approximately|about|ca\.?)\s+/i;
  if (circa.test(text)) {
    isApproximate = true;
    text = text.replace(circa, '');
  }
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(text);
  if (range?.[1] && range[2]) {
    const from = parseLooseDate(range[1]);
    const to = parseLooseDate(range[2]);
    if (from && to) return { ...from, isApproximate: isApproximate || from.isApproximate, rangeTo: to.value };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return birthDateFromParts(m[1]!, m[2]!, m[3]!, isApproximate);
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (m) return birthDateFromParts(m[3]!, MONTHS[m[2]!.toLowerCase()] ?? null, m[1]!, isApproximate);
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (m) return birthDateFromParts(m[2]!, MONTHS[m[1]!.toLowerCase()] ?? null, null, isApproximate);
  m = /^(\d{4})$/.exec(text);
  if (m) return birthDateFromParts(m[1]!, null, null, isApproximate);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return birthDateFromParts(m[3]!, m[2] === '00' ? null : m[2]!, m[1] === '00' ? null : m[1]!, isApproximate);
  return null;
}
