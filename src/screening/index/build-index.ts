import type { Entity } from '../model.js';
import { consonantSkeleton, phoneticCodes } from '../normalize/keys.js';
import { normalizedTokens, type NameToken, type TokenTag } from '../normalize/normalize-name.js';
import type { WeightedToken } from '../match/score-name.js';
import { tagWeight } from '../match/weights.js';
import { ENTITY_KIND_OTHER, ENTITY_KIND_PERSON, NAME_KINDS, rarityWeight, termKey, type IndexData, type IndexedEntity } from './index-data.js';
import { forEachDeletionHash, KeyTable, MAX_TERMS } from './key-table.js';
import { ScreeningIndex } from './screening-index.js';

/**
 * Builds the in-memory index from canonical entities. Synchronous and CPU-bound
 * (seconds for hundreds of thousands of names): run it off the request path and
 * swap the result in atomically; a built index is immutable.
 */
export function buildIndex(entities: readonly Entity[]): ScreeningIndex {
  const termIds = new Map<string, number>();
  const terms: WeightedToken[] = [];
  // Typed from the start: number arrays of a million entries each, grown by copying and then
  // copied into typed arrays, were old-space garbage for the collector.
  const nameEntity = new GrowingArray(Uint32Array);
  const nameFull: string[] = [];
  const nameKind = new GrowingArray(Uint8Array);
  const nameIsPerson = new GrowingArray(Uint8Array);
  const nameTokenStart = new GrowingArray(Uint32Array);
  nameTokenStart.push(0);
  const tokenTerm = new GrowingArray(Uint32Array);
  const shared: Shared = {
    skeletons: new Interner<string>(),
    codes: new Interner<string[]>(),
    tagged: { legal: new Map(), stop: new Map(), initial: new Map() },
  };

  // No cache of normalised names: at a million names almost all are distinct, and the cache cost
  // more time (a key per name) and memory than the few repeats saved.
  // An entity's earlier names, to skip one that reads the same (reused: an entity has a few names,
  // so comparing token lists is cheaper than a joined signature string and a Set per entity).
  const kept: NameToken[][] = [];
  entities.forEach((entity, entityIndex) => {
    const isPerson = entity.kind === 'person';
    kept.length = 0;
    for (const name of entity.names) {
      const tokens = normalizedTokens(name.full, isPerson);
      // "AL-ITIHAAD AL-ISLAMIYA / AIAI": the name is also indexed without the acronym of its own words.
      const spelledOut = isPerson ? undefined : withoutOwnAcronym(tokens);
      for (const read of spelledOut ? [tokens, spelledOut] : [tokens]) {
        if (read.length === 0 || repeatsEarlier(kept, read)) continue;
        kept.push(read);
        for (const token of read) tokenTerm.push(termIdOf(token, termIds, terms, shared));
        nameEntity.push(entityIndex);
        nameFull.push(name.full);
        nameKind.push(NAME_KINDS.indexOf(name.kind));
        nameIsPerson.push(isPerson ? ENTITY_KIND_PERSON : ENTITY_KIND_OTHER);
        nameTokenStart.push(tokenTerm.length);
      }
    }
  });
  if (terms.length >= MAX_TERMS) throw new Error(`vocabulary of ${terms.length} terms exceeds ${MAX_TERMS}`);

  const nameCount = nameEntity.length;
  const starts = nameTokenStart.toArray();
  const tokens = tokenTerm.toArray();
  const { postingStart, postings, termNameCount } = buildPostings(terms.length, nameCount, starts, tokens);
  const data: IndexData = {
    entities: indexedEntities(entities),
    nameFull,
    nameEntity: nameEntity.toArray(),
    nameKind: nameKind.toArray(),
    nameIsPerson: nameIsPerson.toArray(),
    nameTokenStart: starts,
    tokenTerm: tokens,
    termIds,
    terms,
    termNameCount,
    postingStart,
    postings,
    deletionKeys: KeyTable.fromHashes((add) => addDeletions(terms, add)),
    phoneticKeys: KeyTable.build((add) => terms.forEach((t, id) => t.codes.forEach((code) => add(code, id)))),
    skeletonKeys: KeyTable.build((add) =>
      terms.forEach((t, id) => {
        if (t.skeleton.length >= 2) add(t.skeleton, id);
      }),
    ),
    nameCount,
  };
  terms.forEach((term, id) => {
    term.weight = tagWeight(term.tag) ?? rarityWeight(data, termNameCount[id]!);
  });
  return new ScreeningIndex(data);
}

/** A typed array that grows as values are pushed, doubling its buffer. */
class GrowingArray<A extends Uint8Array | Uint32Array> {
  private data: A;
  length = 0;

  constructor(private readonly make: new (length: number) => A) {
    this.data = new make(1 << 12);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed, in an array of their number. */
  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }
}

/** Whether an earlier name has the same token texts (a loop, not `some`: no closure a name). */
function repeatsEarlier(kept: readonly NameToken[][], tokens: readonly NameToken[]): boolean {
  for (const earlier of kept) if (sameTexts(earlier, tokens)) return true;
  return false;
}

/**
 * An organisation's name without a word that is the acronym of its other words ("AL-ITIHAAD
 * AL-ISLAMIYA / AIAI", "MUHAMMAD JAMAL NETWORK (MJN)"), their particles counted or not; undefined
 * when it has none. The acronym is a word no query spelling the name out carries: it would count
 * against every such query.
 */
export function withoutOwnAcronym(tokens: readonly NameToken[]): NameToken[] | undefined {
  if (tokens.length < 4) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const acronym = tokens[i]!;
    if (acronym.tag !== 'word' || acronym.text.length < 3 || acronym.text.length > tokens.length - 1) continue;
    let all = '';
    let words = '';
    for (let j = 0; j < tokens.length; j++) {
      const token = tokens[j]!;
      if (j === i || token.tag === 'legal') continue;
      all += token.text[0];
      if (token.tag !== 'stop') words += token.text[0];
    }
    if (acronym.text === all || acronym.text === words) return tokens.filter((_, j) => j !== i);
  }
  return undefined;
}

/** Same token texts in the same order (tags aside): the test a joined signature made. */
function sameTexts(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.text !== b[i]!.text) return false;
  return true;
}

/**
 * One shared copy of each distinct value: a 1,000,000-name index holds half a million entities
 * and hundreds of thousands of terms, most of whose qualifier lists and sound keys repeat (no
 * birth date, the same nationality, the same double-metaphone code). Shared values are never
 * mutated: the index is immutable.
 */
class Interner<T> {
  private readonly seen = new Map<string, T>();

  of(key: string, value: T): T {
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    this.seen.set(key, value);
    return value;
  }
}

// Frozen: a shared empty list that some code pushed to would corrupt every entity holding it.
const NONE = Object.freeze([]) as never[];

function indexedEntities(entities: readonly Entity[]): IndexedEntity[] {
  const birthDates = new Interner<Entity['birthDates']>();
  const countries = new Interner<Entity['countries']>();
  return entities.map((e) => {
    const indexed: IndexedEntity = {
      id: e.id,
      kind: e.kind,
      birthDates:
        e.birthDates.length === 0
          ? NONE
          : birthDates.of(e.birthDates.map((b) => `${b.value}|${b.precision}|${b.isApproximate}|${b.rangeTo}`).join(' '), e.birthDates),
      countries: e.countries.length === 0 ? NONE : countries.of(e.countries.length === 1 ? e.countries[0]! : e.countries.join(' '), e.countries),
      identifiers: e.identifiers.length === 0 ? NONE : e.identifiers,
    };
    if (e.pepTier) indexed.pepTier = e.pepTier;
    return indexed;
  });
}

interface Shared {
  skeletons: Interner<string>;
  codes: Interner<string[]>;
  /**
   * Per tag but `word`, the term id of each text already met: the id `termIds` holds under
   * `termKey(tag, text)`, found without making that key a token (particles, initials and legal
   * forms are a fifth of the tokens).
   */
  tagged: Record<Exclude<TokenTag, 'word'>, Map<string, number>>;
}

function termIdOf(token: NameToken, termIds: Map<string, number>, terms: WeightedToken[], shared: Shared): number {
  if (token.tag === 'word') return keyedTermId(token, token.text, termIds, terms, shared);
  const byText = shared.tagged[token.tag];
  let id = byText.get(token.text);
  if (id === undefined) {
    id = keyedTermId(token, termKey(token.tag, token.text), termIds, terms, shared);
    byText.set(token.text, id);
  }
  return id;
}

function keyedTermId(token: NameToken, key: string, termIds: Map<string, number>, terms: WeightedToken[], shared: Shared): number {
  let id = termIds.get(key);
  if (id === undefined) {
    id = terms.length;
    termIds.set(key, id);
    const isWord = token.tag === 'word' || token.tag === 'initial';
    const codes = isWord ? phoneticCodes(token.text) : NONE;
    const skeleton = isWord ? consonantSkeleton(token.text) : '';
    terms.push({
      text: token.text,
      raw: token.text,
      tag: token.tag,
      weight: 1,
      codes: codes.length === 0 ? NONE : shared.codes.of(codes.length === 1 ? codes[0]! : codes.join(' '), codes),
      skeleton: shared.skeletons.of(skeleton, skeleton),
    });
  }
  return id;
}

function buildPostings(termCount: number, nameCount: number, starts: Uint32Array, tokens: Uint32Array) {
  const termNameCount = new Uint32Array(termCount);
  const lastName = new Int32Array(termCount).fill(-1);
  for (let name = 0; name < nameCount; name++) {
    for (let i = starts[name]!; i < starts[name + 1]!; i++) {
      const term = tokens[i]!;
      if (lastName[term] !== name) {
        lastName[term] = name;
        termNameCount[term]!++;
      }
    }
  }
  const postingStart = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = postingStart[t]! + termNameCount[t]!;
  const postings = new Uint32Array(postingStart[termCount]!);
  const fill = postingStart.slice(0, termCount);
  lastName.fill(-1);
  for (let name = 0; name < nameCount; name++) {
    for (let i = starts[name]!; i < starts[name + 1]!; i++) {
      const term = tokens[i]!;
      if (lastName[term] !== name) {
        lastName[term] = name;
        postings[fill[term]!++] = name;
      }
    }
  }
  return { postingStart, postings, termNameCount };
}

/** A word of four letters or more under itself and each of its one-deletion variants (`oneDeletions`), by their hashes. */
function addDeletions(terms: readonly WeightedToken[], add: (hash: number, termId: number) => void): void {
  for (let id = 0; id < terms.length; id++) {
    const term = terms[id]!;
    if (term.tag !== 'word' || term.text.length < 4) continue;
    forEachDeletionHash(term.text, (hash) => add(hash, id));
  }
}
