import type { SessionInfo } from '../api/types.js';

/**
 * While a reviewer asked for more information only the open items may change (the server
 * refuses the rest with 409); otherwise everything may. Paths follow the server's grammar:
 * `company.<field>`, `documents.<TYPE>`, `beneficiaries.<id|TYPE>`, `questionnaires.<key>[.<section>.<question>]`.
 */
export function isOpen(session: SessionInfo | null, ...paths: string[]): boolean {
  const request = session?.infoRequest;
  return !request || paths.some((path) => request.items.includes(path));
}

/** A beneficiary is open by its id or by any of its roles. */
export function isBeneficiaryOpen(session: SessionInfo | null, beneficiary: { id: string; beneficiaryTypes: readonly string[] }): boolean {
  return isOpen(session, `beneficiaries.${beneficiary.id}`, ...beneficiary.beneficiaryTypes.map((type) => `beneficiaries.${type}`));
}
