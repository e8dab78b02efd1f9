import type { Config } from '../config.js';
import { buildCtx, systemClock, type Ctx } from '../core/context.js';
import { createApiKey } from '../core/partners/create-api-key.js';
import { createPartner } from '../core/partners/create-partner.js';
import { listApiKeys } from '../core/partners/list-api-keys.js';
import { revokeApiKey } from '../core/partners/revoke-api-key.js';
import { setAutomationQuota } from '../core/partners/set-automation-quota.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { openStorage } from '../storage/open-storage.js';
import { generateMasterKeyText, masterKeyring } from '../core/privacy/master-keys.js';
import { rotateMasterKey } from '../core/privacy/rotate-master-key.js';

type Out = (line: string) => void;

/** Runs an operator command against the configured database (migrating it first). */
export async function withCtx<T>(config: Config, run: (ctx: Ctx) => Promise<T>): Promise<T> {
  const logger = createLogger('warn');
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger, poolSize: 2 });
  try {
    await migrateToLatest(database);
    return await run(buildCtx({ config, db: database.db, storage: openStorage(config, database.db), clock: systemClock, logger }));
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
    out(
      `${key.keyId}  ${key.apiKey}  partner=${key.partnerId}  created=${key.createdAt}  ${key.revokedAt ? `revoked=${key.revokedAt}` : 'active'}${key.label ? `  "${key.label}"` : ''}`,
    );
  }
}

export async function revokeKeyCommand(config: Config, out: Out, input: { key: string }): Promise<void> {
  await withCtx(config, (ctx) => revokeApiKey({ ctx, input }));
  out('Key revoked.');
}

/** `keys generate-master`: a new master key, to be saved as the OPENKYB_MASTER_KEY_FILE. */
export function generateMasterCommand(out: Out): void {
  out(generateMasterKeyText());
}

/**
 * `keys rotate-master`: re-wraps every company key with the current master key (progress on
 * stderr, a summary on stdout). Fails (exit 1) when some key could not be re-wrapped.
 */
export async function rotateMasterCommand(config: Config, out: Out, input: { json: boolean; progress: Out }): Promise<boolean> {
  const summary = await withCtx(config, (ctx) =>
    rotateMasterKey({
      ctx,
      onProgress: (done, total) => input.progress(`re-wrapped ${done} of ${total} company keys`),
    }),
  );
  const currentId = masterKeyring(config).current.id;
  if (input.json) out(JSON.stringify({ masterKeyId: currentId, ...summary }));
  else {
    out(`Current master key: ${currentId}`);
    out(`Company keys to re-wrap: ${summary.total}; re-wrapped: ${summary.rewrapped}; failed: ${summary.failed.length}`);
    for (const failure of summary.failed) out(`  ${failure.companyId} (master key ${failure.masterKeyId}): ${failure.reason}`);
    if (summary.failed.length > 0) out('Configure the missing master key (OPENKYB_PREVIOUS_MASTER_KEY_FILE or OPENKYB_PREVIOUS_SECRET) and run again.');
  }
  return summary.failed.length === 0;
}

export async function setQuotaCommand(config: Config, out: Out, input: { partnerId: string; limit: number | null }): Promise<void> {
  await withCtx(config, (ctx) => setAutomationQuota({ ctx, input }));
  out(`Automation runs for ${input.partnerId}: ${input.limit ?? 'unlimited'}.`);
}
