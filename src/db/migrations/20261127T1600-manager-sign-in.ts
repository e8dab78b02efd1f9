import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Managers become accounts that sign in to the back office. Rows created before this
  // migration had no password and could not sign in; they become reviewers (not admins), so
  // nobody gains the right to manage keys and managers by an upgrade.
  for (const [column, type, notNull, fallback] of [
    ['role', 'text', true, 'reviewer'],
    // scrypt$N$r$p$salt$hash (core/managers/password.ts); null until set through a one-time link.
    ['password_hash', 'text', false, null],
    ['disabled_at', 'bigint', false, null],
    ['away', 'integer', true, 0],
    // Consecutive failed sign-ins, and until when the account is locked after too many.
    ['failed_sign_ins', 'integer', true, 0],
    ['locked_until', 'bigint', false, null],
    ['last_sign_in_at', 'bigint', false, null],
    // The TOTP secret, sealed with a master key (its id beside it); enabled once confirmed.
    ['totp_secret', 'text', false, null],
    ['totp_master_key_id', 'text', false, null],
    ['totp_enabled_at', 'bigint', false, null],
    // The last accepted TOTP time step: a code is accepted once.
    ['totp_last_step', 'bigint', false, null],
  ] as const) {
    await db.schema
      .alterTable('managers')
      .addColumn(column, type, (c) => {
        const typed = fallback === null ? c : c.defaultTo(fallback);
        return notNull ? typed.notNull() : typed;
      })
      .execute();
  }

  // One-time links to set a password: only the SHA-256 of the token is stored.
  await db.schema
    .createTable('manager_password_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('manager_password_tokens_manager').on('manager_password_tokens').column('manager_id').execute();

  // Recovery codes for a lost authenticator: keyed hashes, each usable once.
  await db.schema
    .createTable('manager_recovery_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('manager_recovery_codes_manager').on('manager_recovery_codes').column('manager_id').execute();

  // Back-office sessions: the id is the SHA-256 of the cookie's random value, never the value.
  await db.schema
    .createTable('manager_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('idle_expires_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('manager_sessions_manager').on('manager_sessions').columns(['manager_id', 'ended_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('manager_sessions').execute();
  await db.schema.dropTable('manager_recovery_codes').execute();
  await db.schema.dropTable('manager_password_tokens').execute();
  for (const column of [
    'totp_last_step',
    'totp_enabled_at',
    'totp_master_key_id',
    'totp_secret',
    'last_sign_in_at',
    'locked_until',
    'failed_sign_ins',
    'away',
    'disabled_at',
    'password_hash',
    'role',
  ]) {
    await db.schema.alterTable('managers').dropColumn(column).execute();
  }
}
