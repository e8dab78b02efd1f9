import type { Config } from '../config.js';
import { systemClock, type Ctx } from '../core/context.js';
import { createApiKey } from '../core/partners/create-api-key.js';
import { createPartner } from '../core/partners/create-partner.js';
import { listApiKeys } from '../core/partners/list-api-keys.js';
import { revokeApiKey } from '../core/partners/revoke-api-key.js';
import { setAutomationQuota } from '../core/partners/set-automation-quota.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { filesSettings } from '../http/context.js';
import { openStorage } from '../storage/open-storage.js';

type Out = (line: string) => void;

/** Runs an operator command against the configured database (migrating it first). */
export async function withCtx<T>(config: Config, run: (ctx: Ctx) => Promise<T>): Promise<T> {
  const logger = createLogger('warn');
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger, poolSize: 2 });
  try {
    await migrateToLatest(database);
    return await run({ db: database.db, clock: systemClock, logger, pepper: config.secret, files: filesSettings(config, openStorage(config)) });
  } finally {
    await database.destroy();
  }
}

export async function migrateCommand(config: Config, out: Out): Promise<void> {
  const logger = createLogger('warn');
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger, poolSize: 2 });
  try {
    const applied = await migrateToLatest(database);
    out(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await database.destroy();
  }
}

export async function createPartnerCommand(config: Config, out: Out, input: { name: string; json: boolean }): Promise<void> {
  const created = await withCtx(config, (ctx) => createPartner({ ctx, input: { name: input.name } }));
  if (input.json) return out(JSON.stringify(created));
  out(`Partner created: ${created.partnerId}`);
  out(`API key:    ${created.apiKey}`);
  out(`API secret: ${created.apiSecret}`);
  out('The secret is shown once and stored only as a hash: keep it now.');
}

export async function createKeyCommand(config: Config, out: Out, input: { partnerId: string; label: string | null; json: boolean }): Promise<void> {
  const created = await withCtx(config, (ctx) => createApiKey({ ctx, input }));
  if (input.json) return out(JSON.stringify({ partnerId: input.partnerId, keyId: created.keyId, apiKey: created.apiKey, apiSecret: created.apiSecret }));
  out(`Key created: ${created.keyId}`);
  out(`API key:    ${created.apiKey}`);
  out(`API secret: ${created.apiSecret}`);
  out('The secret is shown once and stored only as a hash: keep it now.');
}

export async function listKeysCommand(config: Config, out: Out, input: { partnerId?: string; json: boolean }): Promise<void> {
  const keys = await withCtx(config, (ctx) => listApiKeys({ ctx, input }));
  if (input.json) return out(JSON.stringify(keys));
  if (keys.length === 0) return out('No API keys.');
  for (const key of keys) {
    out(`${key.keyId}  ${key.apiKey}  partner=${key.partnerId}  created=${key.createdAt}  ${key.revokedAt ? `revoked=${key.revokedAt}` : 'active'}${key.label ? `  "${key.label}"` : ''}`);
  }
}

export async function revokeKeyCommand(config: Config, out: Out, input: { key: string }): Promise<void> {
  await withCtx(config, (ctx) => revokeApiKey({ ctx, input }));
  out('Key revoked.');
}

export async function setQuotaCommand(config: Config, out: Out, input: { partnerId: string; limit: number | null }): Promise<void> {
  await withCtx(config, (ctx) => setAutomationQuota({ ctx, input }));
  out(`Automation runs for ${input.partnerId}: ${input.limit ?? 'unlimited'}.`);
}
