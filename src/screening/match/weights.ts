import type { TokenTag } from '../normalize/normalize-name.js';

/** Fixed weights of tokens that carry little identity; words are weighted by rarity instead. */
export const STOP_WEIGHT = 0.1;
export const LEGAL_WEIGHT = 0.25;
export const INITIAL_WEIGHT = 0.35;

export function tagWeight(tag: TokenTag): number | undefined {
  return tag === 'stop' ? STOP_WEIGHT : tag === 'legal' ? LEGAL_WEIGHT : tag === 'initial' ? INITIAL_WEIGHT : undefined;
}
