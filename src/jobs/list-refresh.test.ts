import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { OFAC_SDN, UN_XML } from '../../test/screening-cases.js';
import { refreshList } from './list-refresh.js';

/** A real HTTP server publishing list files, as the official sites do. */
async function publisher(files: Record<string, string>) {
  const server = createServer(async (req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

describeEachDialect('scheduled list refresh', (h) => {
  it('downloads a one-file list and a folder of OFAC CSVs and imports them; a failed download changes nothing', async () => {
    const site = await publisher({
      '/un/consolidated.xml': UN_XML(),
      '/ofac/sdn.csv': path.join(OFAC_SDN(), 'sdn.csv'),
      '/ofac/alt.csv': path.join(OFAC_SDN(), 'alt.csv'),
      '/ofac/add.csv': path.join(OFAC_SDN(), 'add.csv'),
    });
    try {
      const un = await refreshList(h().ctx, 'un', `${site.url}/un/consolidated.xml`);
      expect(un).toMatchObject({ source: 'un', isUnchanged: false });
      expect((await refreshList(h().ctx, 'un', `${site.url}/un/consolidated.xml`)).isUnchanged).toBe(true);
      const ofac = await refreshList(h().ctx, 'ofac-sdn', `${site.url}/ofac/`);
      expect(ofac.entityCount).toBeGreaterThan(5000);
      await expect(refreshList(h().ctx, 'eu', `${site.url}/eu/missing.xml`)).rejects.toThrow(/HTTP 404/);
      const live = await h().database.db.selectFrom('screening_lists').select('source').where('is_live', '=', 1).orderBy('source').execute();
      expect(live.map((l) => l.source)).toEqual(['ofac-sdn', 'un']);
    } finally {
      await site.close();
    }
  });
});
