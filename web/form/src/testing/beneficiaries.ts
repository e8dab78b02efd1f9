import type { Beneficiary } from '../api/types.js';

/** A top-level beneficiary as the API lists it, for unit tests: roles and info, no positions. */
export function beneficiary(id: string, beneficiaryTypes: string[], info: Record<string, unknown>, ownershipPercentage: number | null = null): Beneficiary {
  return { id, beneficiaryTypes, info, positions: [], ownershipPercentage, parent: null } as unknown as Beneficiary;
}
