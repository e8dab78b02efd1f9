import type { PepTier } from '../model.js';

/**
 * PEP tiers from FollowTheMoney data as OpenSanctions and Wikidata-derived PEP
 * sets publish it: a `Person` with the topic `role.pep` (or `role.rca`, a
 * relative or close associate), and the offices it holds as `Occupancy`
 * entities (`holder` → person, `post` → a `Position` whose topics say the
 * level: `gov.head`, `gov.national`, `gov.state`, `gov.muni`…).
 *
 * Tiers (iDenfy's PepTierEnum leaves the mapping to the provider):
 * 1. heads of state or government, national executives, legislators, judges,
 *    central bankers and security chiefs, diplomats, international bodies;
 * 2. regional (state, province) office, state-owned enterprises, and a PEP whose
 *    office the data does not describe (neither hidden nor inflated);
 * 3. local (municipal) office, and relatives and close associates.
 */

const TIER_1_TOPICS = new Set(['gov.head', 'role.diplo', 'gov.igo']);
const NATIONAL_BRANCHES = new Set(['gov.executive', 'gov.legislative', 'gov.judicial', 'gov.security', 'gov.financial']);
const TIER_2_TOPICS = new Set(['gov.state', 'gov.soe', 'gov.national']);
const TIER_3_TOPICS = new Set(['gov.muni']);

/** PEP-relevant facts the parser gathers while reading the file, joined once it is read. */
export class PepCollector {
  private readonly postTopics = new Map<string, string[]>();
  private readonly postsOf = new Map<string, string[]>();

  /** Remembers a `Position` or an `Occupancy` record; other schemas are ignored. */
  add(schema: string, id: string, values: (key: string) => string[]): void {
    if (schema === 'Position') this.postTopics.set(id, values('topics'));
    if (schema === 'Occupancy') {
      for (const holder of values('holder')) this.postsOf.set(holder, [...(this.postsOf.get(holder) ?? []), ...values('post')]);
    }
  }

  /** The tier of a person with these topics, or undefined for someone who is no PEP. */
  tierOf(personId: string, topics: readonly string[]): PepTier | undefined {
    const posts = (this.postsOf.get(personId) ?? []).map((post) => this.postTopics.get(post) ?? []);
    const isPep = topics.includes('role.pep') || posts.length > 0;
    if (!isPep) return topics.includes('role.rca') ? 'PEP_TIER_3' : undefined;
    const tiers = posts.map(tierOfPost).filter((t) => t !== undefined);
    if (tiers.length === 0) return 'PEP_TIER_2';
    return tiers.sort()[0];
  }
}

function tierOfPost(topics: readonly string[]): PepTier | undefined {
  if (topics.some((t) => TIER_1_TOPICS.has(t))) return 'PEP_TIER_1';
  if (topics.includes('gov.national') && topics.some((t) => NATIONAL_BRANCHES.has(t))) return 'PEP_TIER_1';
  if (topics.some((t) => TIER_2_TOPICS.has(t))) return 'PEP_TIER_2';
  if (topics.some((t) => TIER_3_TOPICS.has(t))) return 'PEP_TIER_3';
  return undefined;
}
