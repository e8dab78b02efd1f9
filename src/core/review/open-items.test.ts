import { describe, expect, it } from 'vitest';
import { assertItemsOpen, changedCompanyItems, changedQuestionItems } from './open-items.js';

const client = { partnerId: 'p', companyId: 'c', actor: { kind: 'client' as const, tokenId: 't' } };
const partner = { partnerId: 'p', companyId: 'c', actor: { kind: 'partner' as const, keyId: 'k' } };
const open = (items: string[]) => ({ info_request: JSON.stringify({ items, message: 'm', tokenId: 't', requestedAt: 0 }) });

describe('open items of a request for more information', () => {
  it('reports only fields whose value changed; absent, null and an empty list are the same', () => {
    const current = { companyName: 'Acme', phone: '+37060000000', additionalInfo: { industry: 'it' } };
    const next = { companyName: 'Acme', phone: '+37060000001', city: null, brandNames: [], additionalInfo: { industry: 'it', size: 'large' } };
    expect(changedCompanyItems(current, next)).toEqual([['company.phone'], ['company.additionalInfo.size']]);
  });

  it('reads user-chosen keys as own properties only', () => {
    expect(changedCompanyItems({ additionalInfo: {} }, { additionalInfo: JSON.parse('{"constructor": null, "__proto__": null}') })).toEqual([]);
    expect(changedQuestionItems('aml', {}, JSON.parse('{"toString": {"valueOf": {"value": 1}}}'))).toEqual([
      ['questionnaires.aml.toString.valueOf', 'questionnaires.aml'],
    ]);
  });

  it('lets the client change open items only, names the closed ones, and never restricts the partner', () => {
    const company = open(['company.phone', 'questionnaires.aml']);
    expect(() => assertItemsOpen(company, client, [['company.phone'], ['questionnaires.aml.a.b', 'questionnaires.aml']])).not.toThrow();
    expect(() => assertItemsOpen(company, client, [['company.phone'], ['company.city'], ['documents.OTHER']])).toThrow(
      'Only the items open for correction can change; not open: company.city, documents.OTHER.',
    );
    expect(() => assertItemsOpen(company, partner, [['company.city']])).not.toThrow();
    expect(() => assertItemsOpen({ info_request: null }, client, [['company.city']])).not.toThrow();
  });
});
