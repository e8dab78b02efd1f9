import type { CompanyRow } from '../../db/tables.js';
import { conflict } from '../errors.js';
import type { FormAccess } from '../forms/access.js';

/**
 * A reviewer's open request for more information, as companies.info_request holds it. Items
 * are paths in the grammar submit uses for missing items:
 * `company.<field>`, `company.additionalInfo.<key>`, `documents.<TYPE>`, `beneficiaries.<id>`,
 * `beneficiaries.<TYPE>`, `questionnaires.<key>` and `questionnaires.<key>.<section>.<question>`.
 */
export interface OpenInfoRequest {
  items: string[];
  message: string;
  /** The token issued for the correction. */
  tokenId: string;
  requestedAt: number;
}

export function openInfoRequest(company: Pick<CompanyRow, 'info_request'>): OpenInfoRequest | null {
  return company.info_request ? (JSON.parse(company.info_request) as OpenInfoRequest) : null;
}

/** One change the client makes: allowed when any one of these item paths is open. */
export type Touched = readonly string[];

/**
 * While information is requested the client may change only the open items; the partner may
 * change anything, and outside a request the usual rules (assertEditable) apply.
 */
export function assertItemsOpen(company: Pick<CompanyRow, 'info_request'>, access: FormAccess, touched: readonly Touched[]): void {
  if (access.actor.kind !== 'client') return;
  const request = openInfoRequest(company);
  if (!request) return;
  const open = new Set(request.items);
  const closed = touched.filter((alternatives) => !alternatives.some((path) => open.has(path))).map((alternatives) => alternatives[0]!);
  if (closed.length > 0) {
    throw conflict(`Only the items open for correction can change; not open: ${[...new Set(closed)].join(', ')}.`);
  }
}

/** A beneficiary is open by its id, or by any of its types (`beneficiaries.UBO` opens every UBO). */
export function beneficiaryItem(id: string, types: readonly string[]): Touched {
  return [`beneficiaries.${id}`, ...types.map((type) => `beneficiaries.${type}`)];
}

// Absent, null and an empty list are one state: a client resending an untouched empty field changes nothing.
const normal = (value: unknown) => JSON.stringify(value === undefined || (Array.isArray(value) && value.length === 0) ? null : value);
const same = (a: unknown, b: unknown) => normal(a) === normal(b);
const own = (object: object | undefined, key: string): unknown => (object && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined);

/** The company paths whose value differs between two stored infos (a PUT may resend unchanged fields). */
export function changedCompanyItems(current: { additionalInfo?: object } & object, next: { additionalInfo?: object } & object): Touched[] {
  const changed: Touched[] = [];
  for (const key of new Set([...Object.keys(current), ...Object.keys(next)])) {
    if (key !== 'additionalInfo' && !same(own(current, key), own(next, key))) changed.push([`company.${key}`]);
  }
  for (const key of new Set([...Object.keys(current.additionalInfo ?? {}), ...Object.keys(next.additionalInfo ?? {})])) {
    if (!same(own(current.additionalInfo, key), own(next.additionalInfo, key))) changed.push([`company.additionalInfo.${key}`]);
  }
  return changed;
}

/** The questions whose answer differs between two stored answer sets. */
export function changedQuestionItems(key: string, current: object, next: object): Touched[] {
  const changed: Touched[] = [];
  for (const section of new Set([...Object.keys(current), ...Object.keys(next)])) {
    const before = own(current, section) as object | undefined;
    const after = own(next, section) as object | undefined;
    for (const question of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
      if (!same(own(before, question), own(after, question))) {
        changed.push([`questionnaires.${key}.${section}.${question}`, `questionnaires.${key}`]);
      }
    }
  }
  return changed;
}
