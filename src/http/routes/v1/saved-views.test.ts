import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { describeEachDialect } from '../../../../test/harness.js';
import { signedInManager } from '../../../../test/managers.js';
import { countRows } from '../../../../test/rows.js';

const URL = '/v1/saved-views/';

describeEachDialect('saved queue views (/v1/saved-views/)', (h) => {
  const call = (method: string, url: string, headers: Record<string, string>, body?: unknown) => api(h()).call(method, url, null, body, headers);

  it("saves, lists, renames and deletes a manager's own views; a viewer may too; each change is audited", async () => {
    const partner = await h().partner();
    const viewer = await signedInManager(h(), partner, 'viewer');
    const saved = await call('POST', URL, viewer.write, { name: '  High risk, mine ', query: 'riskLevel=HIGH&assignedTo=mine&ordering=deadline' });
    expect(saved.status).toBe(201);
    expect(saved.json).toEqual({
      id: expect.any(String),
      name: 'High risk, mine',
      query: 'riskLevel=HIGH&assignedTo=mine&ordering=deadline',
      createdAt: expect.any(String),
    });
    h().clock.advance(1000);
    expect((await call('POST', URL, viewer.write, { name: 'Oldest', query: 'ordering=created' })).status).toBe(201);
    expect((await call('GET', URL, viewer.read)).json.results.map((v: { name: string }) => v.name)).toEqual(['High risk, mine', 'Oldest']);

    const renamed = await call('PATCH', `${URL}${saved.json.id}/`, viewer.write, { name: 'Urgent' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: saved.json.id, name: 'Urgent', query: 'riskLevel=HIGH&assignedTo=mine&ordering=deadline' });
    expect((await call('DELETE', `${URL}${saved.json.id}/`, viewer.write)).status).toBe(204);
    expect((await call('GET', URL, viewer.read)).json.results.map((v: { name: string }) => v.name)).toEqual(['Oldest']);

    const audit = await h()
      .database.db.selectFrom('audit_logs')
      .select(['action', 'actor_id', 'details'])
      .where('partner_id', '=', partner.partnerId)
      .where('action', 'like', 'SAVED_VIEW_%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['SAVED_VIEW_CREATED', 'SAVED_VIEW_CREATED', 'SAVED_VIEW_CHANGED', 'SAVED_VIEW_DELETED']);
    // Ids only: a view's name or query may hold a searched company's name.
    expect(audit.map((a) => a.details).join()).not.toContain('High risk');
  });

  it("keeps every manager to its own views: another manager's is not found, and a key pair has none and cannot save", async () => {
    const partner = await h().partner();
    const owner = await signedInManager(h(), partner, 'reviewer');
    const other = await signedInManager(h(), partner, 'admin');
    const view = (await call('POST', URL, owner.write, { name: 'Mine', query: 'assignedTo=mine' })).json;
    expect((await call('GET', URL, other.read)).json.results).toEqual([]);
    expect((await call('PATCH', `${URL}${view.id}/`, other.write, { name: 'Taken' })).status).toBe(404);
    expect((await call('DELETE', `${URL}${view.id}/`, other.write)).status).toBe(404);
    // The other manager may use the same name for its own view.
    expect((await call('POST', URL, other.write, { name: 'Mine', query: '' })).status).toBe(201);

    expect((await api(h()).call('GET', URL, partner.auth)).json).toEqual({ results: [] });
    const byKey = await api(h()).call('POST', URL, partner.auth, { name: 'Key', query: '' });
    expect(byKey.status).toBe(403);
    expect(byKey.json.message).toContain('signed-in manager');
    expect((await api(h()).call('DELETE', `${URL}${view.id}/`, partner.auth)).status).toBe(404);
    expect((await call('GET', URL, owner.read)).json.results).toMatchObject([{ id: view.id, name: 'Mine' }]);
  });

  it('refuses a bad name, a duplicate (409), a 51st view and unknown fields with the error envelope, changing nothing', async () => {
    const partner = await h().partner();
    const m = await signedInManager(h(), partner, 'reviewer');
    const first = (await call('POST', URL, m.write, { name: 'First', query: 'status=NEED_TO_REVIEW' })).json;
    const before = await countRows(h(), 'saved_views');
    for (const body of [
      { name: '', query: '' },
      { name: '   ', query: '' },
      { name: 'x'.repeat(81), query: '' },
      { name: 'A', query: 'q'.repeat(1001) },
      { name: 'A' },
      { name: 'A', query: '', other: 1 },
    ]) {
      const bad = await call('POST', URL, m.write, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json).toMatchObject({ message: expect.anything(), identifier: expect.any(String) });
    }
    h().clock.advance(1000);
    expect((await call('POST', URL, m.write, { name: 'x'.repeat(80), query: '' })).status).toBe(201);
    const duplicate = await call('POST', URL, m.write, { name: ' First ', query: '' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.message).toBe('A saved view named "First" already exists.');
    h().clock.advance(1000);
    const second = (await call('POST', URL, m.write, { name: 'Second', query: '' })).json;
    expect((await call('PATCH', `${URL}${second.id}/`, m.write, { name: 'First' })).status).toBe(409);
    expect((await call('PATCH', `${URL}${second.id}/`, m.write, {})).status).toBe(400);
    expect((await call('PATCH', `${URL}not-a-uuid/`, m.write, { name: 'Z' })).status).toBe(404);
    expect((await call('GET', URL, m.read)).json.results.map((v: { name: string }) => v.name)).toEqual(['First', 'x'.repeat(80), 'Second']);
    expect(await countRows(h(), 'saved_views')).toBe(before + 2);

    for (let i = 3; i < 50; i++) expect((await call('POST', URL, m.write, { name: `View ${i}`, query: '' })).status).toBe(201);
    const tooMany = await call('POST', URL, m.write, { name: 'One more', query: '' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.json.message).toBe('At most 50 saved views: delete one first.');
    expect((await call('DELETE', `${URL}${first.id}/`, m.write)).status).toBe(204);
    expect((await call('POST', URL, m.write, { name: 'One more', query: '' })).status).toBe(201);
  });

  it('answers three saves of one name sent at once with one view and two 409s', async () => {
    const partner = await h().partner();
    const m = await signedInManager(h(), partner, 'reviewer');
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', URL, m.write, { name: 'Race', query: '' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect((await call('GET', URL, m.read)).json.results).toHaveLength(1);
  });

  it('needs the CSRF token to change a view', async () => {
    const partner = await h().partner();
    const m = await signedInManager(h(), partner, 'reviewer');
    expect((await call('POST', URL, m.read, { name: 'No token', query: '' })).status).toBe(403);
    expect((await call('GET', URL, m.read)).json.results).toEqual([]);
  });
});
