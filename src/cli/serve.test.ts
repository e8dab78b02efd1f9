import { expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.js';
import { startServer } from '../../test/process.js';

it('`openkyb serve` logs the public URL it will put in links, once it listens', async () => {
  const db = await openTestDatabase('sqlite');
  const server = await startServer({
    OPENKYB_DATA_DIR: db.dataDir,
    OPENKYB_SECRET: 'serve-log-test-secret-serve-log-test-secret',
    DATABASE_URL: '',
    OPENKYB_PUBLIC_URL: 'https://kyb.example.test',
    LOG_LEVEL: 'info',
  });
  try {
    const find = () =>
      server
        .output()
        .split('\n')
        .find((l) => l.includes('links will use the public URL'));
    // The line is written right after listening; the log stream may flush it a moment later.
    await expect.poll(find, { timeout: 10_000 }).toBeDefined();
    const line = find();
    expect(line, server.output()).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 30, publicUrl: 'https://kyb.example.test', port: Number(new URL(server.url).port) });
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.cleanup();
  }
}, 60_000);
