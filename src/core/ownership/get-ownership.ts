import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { Beneficiary } from '../../schemas/beneficiary.js';
import type { CompanyOwnership } from '../../schemas/ownership.js';
import { beneficiaryRows } from '../beneficiaries/read-beneficiaries.js';
import { presentBeneficiary } from '../beneficiaries/rules.js';
import type { Ctx, PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import { loadFlow } from '../forms/access.js';
import type { StoredCompanyInfo } from '../forms/company-info.js';
import { computeOwnership, DEFAULT_UBO_THRESHOLD, type OwnershipNodeInput, type OwnershipResult } from './engine.js';
import { renderOwnershipTree } from './render-tree.js';

/** Everything derived from one company's tree, for the API, the risk model, the PDF and the CLI. */
export interface LoadedOwnership {
  companyId: string;
  companyName: string;
  beneficiaries: Beneficiary[];
  input: OwnershipNodeInput[];
  result: OwnershipResult;
  thresholdSource: 'FLOW' | 'DEFAULT';
}

/** The ownership of one of the partner's companies; another partner's (or no form yet) is 404. */
export async function getOwnership({ ctx, input }: { ctx: PartnerCtx; input: { companyId: string } }): Promise<CompanyOwnership> {
  const company = await ctx.db.selectFrom('companies').selectAll().where('id', '=', input.companyId).where('partner_id', '=', ctx.partnerId).executeTakeFirst();
  if (!company?.info) throw notFound('Company');
  return presentOwnership(await loadOwnership(ctx.db, ctx, company as CompanyRow & { info: string }));
}

/** The ownership tree as text (see renderOwnershipTree), for the PDF and the CLI. */
export async function renderCompanyOwnership({ ctx, input }: { ctx: PartnerCtx; input: { companyId: string } }): Promise<string> {
  const company = await ctx.db.selectFrom('companies').selectAll().where('id', '=', input.companyId).where('partner_id', '=', ctx.partnerId).executeTakeFirst();
  if (!company?.info) throw notFound('Company');
  const loaded = await loadOwnership(ctx.db, ctx, company as CompanyRow & { info: string });
  const names = new Map(loaded.beneficiaries.map((b) => [b.id, displayName(b)]));
  return renderOwnershipTree({ companyName: loaded.companyName, input: loaded.input, result: loaded.result, nameOf: (id) => names.get(id) ?? id });
}

/**
 * Reads the tree through the beneficiaries' own read functions (so whatever their row mapping
 * does, decryption included, applies here too) and runs the engine. The UBO threshold is the
 * flow's ownershipPercentageThreshold when it is set above 0, else 25 %.
 */
export async function loadOwnership(db: Db, ctx: Pick<Ctx, 'keys'>, company: CompanyRow & { info: string }): Promise<LoadedOwnership> {
  const flow = await loadFlow(db, company);
  const beneficiaries = (await beneficiaryRows(db, ctx, company.id)).map((row) => presentBeneficiary(row, flow));
  const flowThreshold = flow?.ownershipPercentageThreshold;
  const fromFlow = typeof flowThreshold === 'number' && flowThreshold > 0;
  const input = beneficiaries.map(toNodeInput);
  return {
    companyId: company.id,
    companyName: (JSON.parse(company.info) as StoredCompanyInfo).companyName,
    beneficiaries,
    input,
    result: computeOwnership(input, fromFlow ? flowThreshold : DEFAULT_UBO_THRESHOLD),
    thresholdSource: fromFlow ? 'FLOW' : 'DEFAULT',
  };
}

function toNodeInput(b: Beneficiary): OwnershipNodeInput {
  return {
    id: b.id,
    parentId: b.parent,
    kind: b.info.infoType,
    percentage: b.ownershipPercentage,
    types: b.beneficiaryTypes,
    positions: b.positions,
    personKey: personKey(b),
  };
}

/**
 * One person listed under several companies is recognised by an identifier, never by name
 * alone: personal number (with its country), document number, or name with birth date.
 */
function personKey(b: Beneficiary): string {
  const info = b.info as Record<string, unknown>;
  if (info.infoType !== 'INDIVIDUAL') return b.id;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');
  if (text(info.personalNumber)) return `pn:${text(info.nationality) || text(info.country)}:${text(info.personalNumber)}`;
  if (text(info.documentNumber)) return `doc:${text(info.documentNumber)}`;
  if (text(info.dateOfBirth)) return `nd:${text(info.name)}|${text(info.surname)}|${text(info.dateOfBirth)}`;
  return b.id;
}

export function displayName(b: Beneficiary): string {
  const info = b.info as Record<string, unknown>;
  return info.infoType === 'INDIVIDUAL' ? `${String(info.name ?? '')} ${String(info.surname ?? '')}`.trim() : String(info.companyName ?? '');
}

export function presentOwnership(loaded: LoadedOwnership): CompanyOwnership {
  const { companyId, result } = loaded;
  const byId = new Map(loaded.beneficiaries.map((b) => [b.id, b]));
  const reached = new Map(result.nodes.map((n) => [n.id, n]));
  const name = (id: string) => displayName(byId.get(id)!);
  return {
    companyId,
    threshold: result.threshold,
    thresholdSource: loaded.thresholdSource,
    maxDepth: result.maxDepth,
    unexplainedPercentage: result.unexplainedPercentage,
    nodes: [
      {
        id: companyId,
        isRoot: true,
        infoType: 'COMPANY',
        name: loaded.companyName,
        depth: 0,
        beneficiaryTypes: [],
        positions: [],
        effectivePercentage: 100,
        isReachable: true,
      },
      ...loaded.beneficiaries.map((b) => ({
        id: b.id,
        isRoot: false,
        infoType: b.info.infoType,
        name: displayName(b),
        depth: reached.get(b.id)?.depth ?? 0,
        beneficiaryTypes: b.beneficiaryTypes,
        positions: b.positions,
        effectivePercentage: reached.get(b.id)?.effectivePercentage ?? null,
        isReachable: reached.has(b.id),
      })),
    ],
    edges: result.nodes.map((n) => ({
      from: n.parentId ?? companyId,
      to: n.id,
      percentage: byId.get(n.id)!.ownershipPercentage,
      effectivePercentage: n.effectivePercentage,
    })),
    persons: result.persons.map((p) => ({ ...p, name: name(p.id) })),
    remainders: result.remainders.map((r) => ({ ...r, id: r.id ?? companyId })),
    controlRoles: result.controlRoles.map((c) => ({
      beneficiaryId: c.beneficiaryId,
      name: name(c.beneficiaryId),
      beneficiaryTypes: c.types as Beneficiary['beneficiaryTypes'],
      positions: c.positions,
      isOwner: c.isOwner,
    })),
    problems: result.problems,
  };
}
