import { expect, it } from 'vitest';
import { canonicalAroundHead, canonicalContent, type ChainedContent } from './chain.js';

it('cuts the canonical form around prevHash and seq so that joining it again gives the same text', () => {
  const entries: ChainedContent[] = [
    {
      id: 'e1',
      seq: 1,
      partnerId: 'p',
      companyId: null,
      actorType: 'system',
      actorId: null,
      action: 'A',
      details: '{}',
      createdAt: 0,
      prevHash: '0'.repeat(64),
    },
    {
      id: 'e2',
      seq: 9_007_199_254_740_991,
      partnerId: 'p"q\\',
      companyId: 'c',
      actorType: 'client',
      actorId: 't',
      action: 'TOKEN_CREATED',
      // Details that quote the very field names the cut looks for, and text outside ASCII.
      details: JSON.stringify({ note: '"prevHash":"HEAD","seq":0}', name: 'Žemaitė 東京 \u2028' }),
      createdAt: 1_764_000_000_000,
      prevHash: 'ab'.repeat(32),
    },
  ];
  for (const entry of entries) {
    const { before, between } = canonicalAroundHead(entry);
    expect(`${before}${entry.prevHash}${between}${entry.seq}}`).toBe(canonicalContent(entry));
  }
});
