import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { dataUrl, pdfDocument, pngImage } from '../../../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';

const choices = [
  { key: 'a', title: 'Alpha' },
  { key: 'b', title: 'Beta' },
];
const TYPES: Array<[string, unknown, unknown]> = [
  ['CHECKBOX', true, 'yes'],
  ['COLOR', '#a1B2c3', 'red'],
  ['COUNTRY', 'LT', 'Lithuania'],
  ['COUNTRY_MULTI', ['LT', 'LV'], ['LT', 'LT']],
  ['DATE', '2024-02-29', '2023-02-29'],
  ['DATETIME', '2026-11-26T10:00:00+02:00', '2026-11-26 10:00'],
  ['EMAIL', 'kyb@acme.example', 'kyb@'],
  ['FLOAT', 12.5, '12.5'],
  ['LIST', ['first', 'second'], 'first'],
  ['INTEGER', 42, 4.2],
  ['PASSWORD', 's3cret', 123],
  ['RADIO', 'a', 'c'],
  ['SELECT', 'b', ['b']],
  ['SELECT_MULTI', ['a', 'b'], ['a', 'z']],
  ['TEL', '+37060000000', '860000000'],
  ['TEXT', 'plain text', 'x'.repeat(1001)],
  ['TEXT_AREA', 'long\ntext', 5],
  ['TIME', '09:30', '25:00'],
  ['URL', 'https://acme.example/terms', 'ftp://acme.example'],
];

const everyType = {
  key: 'types',
  name: 'Types',
  title: 'Every question type',
  sections: [
    {
      key: 's',
      title: 'All',
      questions: [
        ...TYPES.map(([type]) => ({ key: type.toLowerCase(), title: type, type, ...(['RADIO', 'SELECT', 'SELECT_MULTI'].includes(type) ? { choices } : {}) })),
        { key: 'file', title: 'A file', type: 'FILE' },
        { key: 'files', title: 'Files', type: 'FILE_MULTI' },
      ],
    },
  ],
};

async function sessionWith(h: Harness, questionnaire: Record<string, unknown>) {
  const partner = await h.partner();
  await api(h).call('POST', '/v1/questionnaires/', partner.auth, questionnaire);
  const token = await api(h).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: questionnaire.key });
  const bearer = `Bearer ${token.json.tokenString}`;
  await api(h).call('POST', '/kyb/forms/', bearer, { company: { companyName: 'Acme', country: 'LT' } });
  const form = `/kyb/forms/${token.json.companyId}`;
  const [listed] = (await api(h).call('GET', `${form}/questionnaires/`, bearer)).json;
  return { partner, bearer, form, companyId: token.json.companyId as string, answers: `${form}/questionnaires/${listed.id}/answers/`, questionnaire: listed };
}

describeEachDialect('/kyb/forms/{companyId}/questionnaires/', (h) => {
  it("lists the session's questionnaire and returns it by id only", async () => {
    const s = await sessionWith(h(), everyType);
    expect(s.questionnaire.key).toBe('types');
    expect(contractErrors('Questionnaire', s.questionnaire)).toEqual([]);
    expect((await api(h()).call('GET', `${s.form}/questionnaires/${s.questionnaire.id}/`, s.bearer)).json).toEqual(s.questionnaire);
    const other = await api(h()).call('POST', '/v1/questionnaires/', s.partner.auth, { ...everyType, key: 'other' });
    expect((await api(h()).call('GET', `${s.form}/questionnaires/${other.json.id}/`, s.bearer)).status).toBe(404);
  });

  it('accepts a valid answer of every question type, and returns 204 before any answer', async () => {
    const s = await sessionWith(h(), everyType);
    expect((await api(h()).call('GET', s.answers, s.bearer)).status).toBe(204);
    const values = Object.fromEntries(TYPES.map(([type, valid]) => [type.toLowerCase(), { value: valid }]));
    const res = await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: values } });
    expect(res.status).toBe(200);
    expect(contractErrors('KybFormAnswers', res.json)).toEqual([]);
    expect(res.json.sections.s).toEqual(values);
    expect((await api(h()).call('GET', s.answers, s.partner.auth)).json).toEqual(res.json);
  });

  it.each(TYPES)('rejects an invalid %s answer (%j is valid, %j is not) and keeps the saved answers', async (type, valid, invalid) => {
    const s = await sessionWith(h(), everyType);
    const key = type.toLowerCase();
    await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: { [key]: { value: valid } } } });
    const res = await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: { [key]: { value: invalid } } } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.message)).toEqual([`s.${key}`]);
    expect((await api(h()).call('GET', s.answers, s.bearer)).json.sections.s[key].value).toEqual(valid);
  });

  it('refuses a DATETIME answer on a day or at a time that does not exist, rather than moving it, and keeps the saved answer', async () => {
    const s = await sessionWith(h(), everyType);
    await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: { datetime: { value: '2026-02-28T10:00:00Z' } } } });
    for (const value of ['2026-02-30T10:00:00Z', '2026-02-29T10:00:00+02:00', '2026-13-01T10:00:00Z', '2026-02-28T24:00:00Z', '2026-04-31T10:00Z']) {
      const res = await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: { datetime: { value } } } });
      expect({ value, status: res.status, identifier: res.json.identifier, message: res.json.message }).toEqual({
        value,
        status: 400,
        identifier: 'VALIDATION_ERROR',
        message: { 's.datetime': ['must be a date and time in ISO 8601 with a time zone'] },
      });
    }
    expect((await api(h()).call('GET', s.answers, s.bearer)).json.sections.s.datetime.value).toBe('2026-02-28T10:00:00Z');
  });

  it('stores file answers from data: URLs, keeps them by their link, refuses foreign links and non-files', async () => {
    const s = await sessionWith(h(), everyType);
    const first = await api(h()).call('PUT', s.answers, s.bearer, {
      sections: { s: { file: { value: dataUrl(pdfDocument(), 'application/pdf') }, files: { value: [dataUrl(pngImage(), 'image/png')] } } },
    });
    expect(first.status).toBe(200);
    const link = first.json.sections.s.file.value as string;
    expect(link).toMatch(/^http:\/\/openkyb\.test\/v1\/files\/[0-9a-f]{64}\?/);
    const kept = await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: { file: { value: link } } } });
    expect(kept.status).toBe(200);
    expect(kept.json.sections.s.file.value.split('?')[0]).toBe(link.split('?')[0]);
    const other = await sessionWith(h(), everyType);
    const stolen = await api(h()).call('PUT', other.answers, other.bearer, { sections: { s: { file: { value: link } } } });
    expect(stolen.json.message['s.file']).toEqual(['is not a file of this questionnaire']);
    const html = await api(h()).call('PUT', s.answers, s.bearer, { sections: { s: { file: { value: dataUrl(Buffer.from('<html>'), 'text/html') } } } });
    expect(html.status).toBe(400);
  });

  it('applies conditions: answers to questions that do not apply are dropped; required only when applicable', async () => {
    const partner = await h().partner();
    await api(h()).call('POST', '/v1/questionnaires/', partner.auth, {
      key: 'cond',
      name: 'Cond',
      title: 'Conditional',
      sections: [
        {
          key: 'a',
          title: 'A',
          questions: [
            {
              key: 'cash',
              title: 'Cash?',
              type: 'RADIO',
              required: true,
              choices: [
                { key: 'yes', title: 'Yes' },
                { key: 'no', title: 'No' },
              ],
            },
            { key: 'share', title: 'Share', type: 'FLOAT', required: true, condition: 'cash == "yes"' },
          ],
        },
        { key: 'b', title: 'B', condition: 'a.share >= 50', questions: [{ key: 'why', title: 'Why', type: 'TEXT', required: true }] },
      ],
    });
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: 'cond' });
    const bearer = `Bearer ${token.json.tokenString}`;
    await api(h()).call('POST', '/kyb/forms/', bearer, { company: { companyName: 'Acme', country: 'LT' } });
    const [q] = (await api(h()).call('GET', `/kyb/forms/${token.json.companyId}/questionnaires/`, bearer)).json;
    const url = `/kyb/forms/${token.json.companyId}/questionnaires/${q.id}/answers/`;
    const put = (sections: unknown, query = '') => api(h()).call('PUT', url + query, bearer, { sections });

    const no = await put({ a: { cash: { value: 'no' }, share: { value: 80 } }, b: { why: { value: 'x' } } });
    expect(no.status).toBe(200);
    expect(no.json.sections).toEqual({ a: { cash: { value: 'no' } } });
    const yes = await put({ a: { cash: { value: 'yes' } } });
    expect(yes.json.message).toEqual({ 'a.share': ['this question is required'] });
    const big = await put({ a: { cash: { value: 'yes' }, share: { value: 80 } } });
    expect(big.json.message).toEqual({ 'b.why': ['this question is required'] });
    const draft = await put({ a: { cash: { value: 'yes' }, share: { value: 80 } } }, '?draft=true');
    expect(draft.status).toBe(200);
    const unknown = await put({ a: { cash: { value: 'no' }, colour: { value: 1 } }, c: {} });
    expect(Object.keys(unknown.json.message).sort()).toEqual(['a.colour', 'c']);
  });

  it('renders the answers for display with choice titles, and deletes them', async () => {
    const s = await sessionWith(h(), everyType);
    await api(h()).call('PUT', s.answers, s.bearer, {
      sections: {
        s: { radio: { value: 'a' }, select_multi: { value: ['a', 'b'] }, integer: { value: 7 }, checkbox: { value: false }, password: { value: 'pw' } },
      },
    });
    const display = await api(h()).call('GET', `${s.form}/questionnaires/answers/detail/`, s.bearer);
    expect(display.status).toBe(200);
    expect(contractErrors('KybAnswersDisplay', display.json[0])).toEqual([]);
    const byKey = Object.fromEntries(display.json[0].sections[0].questions.map((q: { key: string; value: unknown }) => [q.key, q.value]));
    expect(byKey).toMatchObject({ radio: 'Alpha', select_multi: ['Alpha', 'Beta'], integer: '7', checkbox: false, password: '********', text: null });
    expect((await api(h()).call('DELETE', s.answers, s.bearer)).status).toBe(204);
    expect((await api(h()).call('GET', s.answers, s.bearer)).status).toBe(204);
  });

  it("keeps questionnaires of one form out of reach of another form's token (404)", async () => {
    const a = await sessionWith(h(), everyType);
    const b = await startSession(h(), { flow: null });
    const url = a.answers.replace(a.companyId, b.companyId);
    expect((await api(h()).call('GET', a.answers, b.bearer)).status).toBe(404);
    expect((await api(h()).call('PUT', url, b.bearer, { sections: {} })).status).toBe(404);
  });
});
