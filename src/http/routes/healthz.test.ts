import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createLogger } from '../../logger.js';
import { openStorage } from '../../storage/open-storage.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { describeEachDialect, type Harness } from '../../../test/harness.js';

/** The disk is outside the process: this store fails every write the way a full disk does. */
function fullDisk(inner: FileStorage): FileStorage {
  const enospc = async (): Promise<never> => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return { ...bind(inner), put: enospc, probeWrite: enospc };
}

const bind = (inner: FileStorage): FileStorage => ({
  put: (h, b) => inner.put(h, b),
  read: (h) => inner.read(h),
  remove: (h) => inner.remove(h),
  exists: (h) => inner.exists(h),
  probeWrite: () => inner.probeWrite(),
  sweepTemp: (c) => inner.sweepTemp(c),
  listOlderThan: (c) => inner.listOlderThan(c),
  removeIfOlderThan: (h, c) => inner.removeIfOlderThan(h, c),
});

async function appWith(h: Harness, storage: FileStorage) {
  const logs: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        logs.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
  );
  const app = await buildApp({ config: h.config, database: h.database, storage, clock: h.clock, logger });
  return { app, logs };
}

describeEachDialect('/healthz probes writes', (h) => {
  it('answers ok after a real write to the database and the file store', async () => {
    const res = await h().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: h().dialect });
    const row = await h().database.db.selectFrom('health_checks').selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 'healthz', checked_at: h().clock.now() });
  });

  it('answers 503 SERVICE_UNAVAILABLE in the envelope when the file store cannot write (full disk)', async () => {
    const { app, logs } = await appWith(h(), fullDisk(openStorage(h().config, h().database.db)));
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        message: 'The file store cannot take writes.',
        identifier: 'SERVICE_UNAVAILABLE',
        documentation: 'http://openkyb.test/docs/errors#SERVICE_UNAVAILABLE',
        severity: 'SEVERE',
      });
      const warned = logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'write probe failed');
      expect(warned).toEqual([expect.objectContaining({ level: 40, failed: 'file store', code: 'ENOSPC' })]);
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the database refuses the write', async () => {
    const { app } = await appWith(h(), openStorage(h().config, h().database.db));
    // The health table is what the probe writes to; without it every probe write fails.
    await h().database.db.schema.alterTable('health_checks').renameTo('health_checks_away').execute();
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ identifier: 'SERVICE_UNAVAILABLE', message: 'The database cannot take writes.' });
    } finally {
      await h().database.db.schema.alterTable('health_checks_away').renameTo('health_checks').execute();
      await app.close();
    }
  });
});
