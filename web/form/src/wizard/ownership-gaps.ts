import { structureGaps, type StructureGap } from '../../../../src/shared/ownership-gaps.js';
import type { Beneficiary, KybFormUnifiedFlow } from '../api/types.js';
import { formatPercent } from '../../../shared/i18n/format.js';
import { text, type Text } from '../i18n/text.js';
import type { MessageKey } from '../i18n/messages.js';
import { beneficiaryName } from '../steps/names.js';
import { roleRules } from './flow-rules.js';

/** What the ownership step still lacks, by the same rules submit applies on the server. */
export function ownershipGaps(flow: KybFormUnifiedFlow | null, beneficiaries: readonly Beneficiary[]): StructureGap[] {
  return structureGaps(
    beneficiaries.map((b) => ({
      id: b.id,
      parent: b.parent ?? null,
      isCompany: b.info.infoType === 'COMPANY',
      roles: b.beneficiaryTypes,
      percentage: b.ownershipPercentage ?? null,
    })),
    {
      requiredRoles: roleRules(flow)
        .filter((r) => r.required)
        .map((r) => r.type),
      isFullStructure: flow?.ownershipFullStructure === true,
      threshold: flow?.ownershipPercentageThreshold ?? null,
    },
  );
}

/** One gap as the user reads it, naming the person or company it is about. */
export function gapText(gap: StructureGap, beneficiaries: readonly Beneficiary[], companyName: string, locale: string): Text {
  const nameOf = (id: string | null) => {
    const found = id === null ? undefined : beneficiaries.find((b) => b.id === id);
    return found ? beneficiaryName(found) : companyName;
  };
  switch (gap.kind) {
    case 'role':
      return text('ownership.gapRole', { role: text(`role.${gap.role}` as MessageKey) });
    case 'empty':
      return text('ownership.gapEmpty');
    case 'ownersOf':
      return text('ownership.gapOwnersOf', { name: nameOf(gap.id) });
    case 'overHundred':
      return text('ownership.gapOverHundred', { name: nameOf(gap.parent), percent: formatPercent(locale, gap.total), max: formatPercent(locale, 100) });
  }
}
