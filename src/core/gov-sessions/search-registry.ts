import { Type } from 'typebox';
import type { RegistrySearchQuerystring, RegistrySearchResult } from '../../schemas/gov-session.js';
import type { Static } from 'typebox';
import { callRegister, providerOrRefuse, valueOrThrow } from '../gov-checks/call-register.js';
import { loadCompany, type FormCtx } from '../forms/access.js';
import { companySummary } from './from-profile.js';
import { assertGovSession } from './pick-rules.js';

/** A number as clients type one: digits, spaces, dashes, dots or slashes, after at most three letters (HRB, SC, OC...). */
const LOOKS_LIKE_NUMBER = /^[A-Za-z]{0,3}[\d\s\-./]*\d[\d\s\-./]*$/;
const MAX_RESULTS = 20;

/** What a search answer must be before any of it is shown: a bounded list of summaries; anything else is a register fault. */
const SearchAnswer = Type.Array(
  Type.Object({
    provider: Type.String({ minLength: 1, maxLength: 100 }),
    country: Type.String({ minLength: 2, maxLength: 2 }),
    number: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 500 }),
    status: Type.String({ maxLength: 32 }),
  }),
  { maxItems: 1000 },
);

/**
 * The register search of a GOV1/GOV2 session's company step: the provider serving the country
 * with `search` is asked by number when the query looks like one, else by name. A country no
 * register serves is a 400 on `country`; a register that times out, fails or answers nonsense
 * is `502 REGISTRY_UNAVAILABLE`. Nothing is stored.
 */
export async function searchRegistry({ ctx, input }: { ctx: FormCtx; input: RegistrySearchQuerystring }): Promise<Static<typeof RegistrySearchResult>> {
  const company = await loadCompany(ctx.db, ctx);
  await assertGovSession(ctx.db, company);
  const provider = providerOrRefuse(ctx, input.country, 'search', 'country');
  const q = input.q.trim();
  const query = LOOKS_LIKE_NUMBER.test(q) ? { number: q } : { name: q };
  const answer = await callRegister(ctx, (signal) => provider.search({ country: input.country, ...query, limit: MAX_RESULTS }, signal), SearchAnswer);
  const found = answer.ok === false && answer.fault === 'rejected' && 'number' in query ? [] : valueOrThrow(ctx, answer, 'q');
  return { results: found.slice(0, MAX_RESULTS).map((summary) => companySummary({ ...summary, provider: summary.provider || provider.id })) };
}
