import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import * as init from './migrations/20261126T0930-init.js';
import * as forms from './migrations/20261126T1100-forms.js';
import * as webhooks from './migrations/20261127T0900-webhooks.js';
import * as screening from './migrations/20261127T1200-screening.js';
import * as edge from './migrations/20261127T1320-edge.js';
import * as encryption from './migrations/20261127T1340-encryption.js';
import * as review from './migrations/20261127T1400-review.js';
import * as auditChain from './migrations/20261127T1410-audit-chain.js';
import * as risk from './migrations/20261127T1420-risk.js';
import * as lifecycle from './migrations/20261127T1430-lifecycle.js';
import * as retention from './migrations/20261127T1500-retention.js';
import * as managerSignIn from './migrations/20261127T1600-manager-sign-in.js';
import * as listScale from './migrations/20261127T1650-list-scale.js';
import * as govChecks from './migrations/20261128T0200-gov-checks.js';
import * as registries from './migrations/20261128T0300-registries.js';
import * as sharedState from './migrations/20261128T0400-shared-state.js';
import * as caseReview from './migrations/20261128T0500-case-review.js';
import * as queueViews from './migrations/20261128T0610-queue-views.js';
import * as themeLogos from './migrations/20261128T0620-theme-logos.js';
import * as searchPartitions from './migrations/20261128T0700-search-partitions.js';
import * as companyRegister from './migrations/20261128T0810-company-register.js';
import * as listChanges from './migrations/20261128T0830-list-changes.js';
import * as govSessions from './migrations/20261129T0100-gov-sessions.js';
import * as searchTable from './migrations/20261129T0200-search-table.js';
import * as registryImportTables from './migrations/20261130T0100-registry-import-tables.js';
import * as createdCounts from './migrations/20261201T0100-created-counts.js';
import * as auditHeadPrevious from './migrations/20261202T0100-audit-head-previous.js';
import * as signInMisses from './migrations/20261203T0100-sign-in-misses.js';
import * as countSlots from './migrations/20261204T0100-count-slots.js';
import * as searchFilters from './migrations/20261205T0100-search-filters.js';

/** Migrations in order; names are their timestamps and never change once released. */
const migrations: Record<string, Migration> = {
  '20261126T0930-init': init,
  '20261126T1100-forms': forms,
  '20261127T0900-webhooks': webhooks,
  '20261127T1200-screening': screening,
  '20261127T1320-edge': edge,
  '20261127T1340-encryption': encryption,
  '20261127T1400-review': review,
  '20261127T1410-audit-chain': auditChain,
  '20261127T1420-risk': risk,
  '20261127T1430-lifecycle': lifecycle,
  '20261127T1500-retention': retention,
  '20261127T1600-manager-sign-in': managerSignIn,
  '20261127T1650-list-scale': listScale,
  '20261128T0200-gov-checks': govChecks,
  '20261128T0300-registries': registries,
  '20261128T0400-shared-state': sharedState,
  '20261128T0500-case-review': caseReview,
  '20261128T0610-queue-views': queueViews,
  '20261128T0620-theme-logos': themeLogos,
  '20261128T0700-search-partitions': searchPartitions,
  '20261128T0810-company-register': companyRegister,
  '20261128T0830-list-changes': listChanges,
  '20261129T0100-gov-sessions': govSessions,
  '20261129T0200-search-table': searchTable,
  '20261130T0100-registry-import-tables': registryImportTables,
  '20261201T0100-created-counts': createdCounts,
  '20261202T0100-audit-head-previous': auditHeadPrevious,
  '20261203T0100-sign-in-misses': signInMisses,
  '20261204T0100-count-slots': countSlots,
  '20261205T0100-search-filters': searchFilters,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(database: Pick<DatabaseHandle, 'migrations' | 'dialect'>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: name the
  // schema we work in (search_path), or a database holding several OpenKYB schemas misleads it.
  const schema =
    database.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.migrations)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db: database.migrations, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  // One process migrates while the others wait: PostgreSQL's Migrator holds an advisory lock,
  // SQLite's runs in one write transaction (sqlite-dialect.ts). A SQLite process that waited out
  // its busy timeout behind a long migration tries again rather than fail its start.
  for (let waitedMs = 0; ; waitedMs += MIGRATION_BUSY_RETRY_MS) {
    const { error, results } = await migrator.migrateToLatest();
    if (isBusy(error) && waitedMs < MIGRATION_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, MIGRATION_BUSY_RETRY_MS));
      continue;
    }
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
}

const MIGRATION_BUSY_RETRY_MS = 250;
/** How long a process waits for another's migrations (beyond SQLite's own busy timeout each try). */
const MIGRATION_WAIT_MS = 10 * 60 * 1000;

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as { code?: string }).code ?? '').startsWith('SQLITE_BUSY');
}
