#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { MasterKeyError } from './core/privacy/master-keys.js';
import { isManagerRole, MANAGER_ROLES } from './core/managers/roles.js';
import { ConfigError, FILE_STORES, loadConfig } from './config.js';
import { DATASET_IDS, isDatasetId } from './registries/open-data/dataset.js';
import { DomainError } from './core/errors.js';

// Each command's module is imported when that command runs: `serve` never loads the list and
// register importers (their CSV and XML parsers), and a one-shot command never loads the server.
const admin = () => import('./cli/admin.js');
const managers = () => import('./cli/managers.js');
const lists = () => import('./cli/lists.js');
const registries = () => import('./cli/registries.js');

const USAGE = `Usage: openkyb <command>

  serve                                   migrate the database, then serve HTTP (and run the worker)
  worker                                  run the background worker alone (webhook delivery)
  migrate                                 apply database migrations only (one process at a
                                          time; others wait, then find nothing to do)
  backup FILE                             an online copy of the SQLite database to FILE (for
                                          PostgreSQL use pg_dump; see docs/deployment.md)
  partners create --name NAME [--json]    create a partner and its first API key pair
  partners quota --partner ID --automation-runs N|unlimited
                                          how many automation re-runs the partner may make in total
  managers create --partner ID --email E --name N --surname S --role admin|auditor|reviewer|viewer [--json]
                                          create a back-office account; prints its one-time
                                          set-password link once
  managers list --partner ID [--json]
  managers disable --id N                 disable an account and end its sessions
  managers reset --id N [--json]          a new set-password link; ends sessions, clears a lock-out
  keys create --partner ID [--label L] [--json]
  keys list [--partner ID] [--json]
  keys revoke KEY_ID_OR_API_KEY
  keys generate-master                    print a new master key (save it as OPENKYB_MASTER_KEY_FILE)
  keys rotate-master [--json]             re-wrap every company key with the current master key
  lists import SOURCE PATH [--force] [--json]
                                          import a sanctions or PEP list version; SOURCE is one of
                                          ofac-sdn, ofac-nonsdn (a folder of CSVs), un, eu, uk, ftm
  lists status [--json]                   the live list versions and whether they are fresh
  files migrate --to local|database|s3 [--from local|database|s3] [--json]
                                          copy every recorded document into another store; safe to
                                          interrupt and run again (already copied files are skipped)
  registries import DATASET PATH [--force] [--json]
                                          import an open-data register version; DATASET is one of
                                          uk-basic (CSV), uk-psc (JSON lines), gleif-lei, gleif-rr
                                          (XML or CSV)
  registries status [--json]              the live open-data register versions
  audit verify [--partner ID] [--json]    check the audit trail's hash chains; exit 1 names the
                                          first broken link
  evidence verify FILE [--json]           check a case's evidence pack offline (every SHA-256 of its
                                          manifest, every audit entry's hash); exit 1 lists problems

Settings come from the environment: PORT, HOST, OPENKYB_DATA_DIR, DATABASE_URL,
OPENKYB_FILE_STORE, OPENKYB_SECRET, OPENKYB_MASTER_KEY_FILE, OPENKYB_PREVIOUS_MASTER_KEY_FILE, OPENKYB_PREVIOUS_SECRET,
OPENKYB_PUBLIC_URL, OPENKYB_RATE_LIMIT_PER_HOUR, OPENKYB_SERVE_WORKER,
OPENKYB_WEBHOOK_RETRY_SCHEDULE, OPENKYB_WEBHOOK_TIMEOUT_MS, OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS,
OPENKYB_SCREENING_REQUIRED_LISTS, OPENKYB_SCREENING_MAX_LIST_AGE, OPENKYB_SCREENING_SOURCES,
OPENKYB_SCREENING_REFRESH_INTERVAL, OPENKYB_SESSION_IDLE_MINUTES, OPENKYB_SESSION_MAX_HOURS,
OPENKYB_SIGN_IN_MAX_FAILURES, OPENKYB_SIGN_IN_LOCK_MINUTES, LOG_LEVEL (see README).`;

const out = (line: string) => process.stdout.write(line + '\n');

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      partner: { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      force: { type: 'boolean', default: false },
      'automation-runs': { type: 'string' },
      email: { type: 'string' },
      surname: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const command = positionals.slice(0, 2).join(' ');
  if (values.help || positionals.length === 0) return usage(values.help ? 0 : 2);
  const json = values.json ?? false;
  // Offline: needs no settings, database or secret.
  if (command === 'evidence verify') {
    const path = positionals[2];
    return path ? (await import('./cli/evidence.js')).verifyEvidenceCommand(out, { path, json }) : fail('evidence verify needs the FILE of a pack');
  }
  const config = loadConfig();
  switch (['serve', 'worker', 'migrate', 'backup'].includes(positionals[0]!) ? positionals[0] : command) {
    case 'serve':
      await (await import('./cli/serve.js')).serve(config);
      return -1;
    case 'worker':
      await (await import('./cli/worker.js')).worker(config);
      return -1;
    case 'migrate':
      await (await admin()).migrateCommand(config, out);
      return 0;
    case 'backup':
      if (!positionals[1]) return fail('backup needs a FILE to write');
      return (await import('./cli/backup.js')).backupCommand(config, out, { file: positionals[1] });
    case 'partners create':
      if (!values.name?.trim()) return fail('partners create needs --name NAME');
      await (await admin()).createPartnerCommand(config, out, { name: values.name, json });
      return 0;
    case 'partners quota': {
      const runs = values['automation-runs'];
      if (!values.partner || !runs || !/^(\d+|unlimited)$/.test(runs)) return fail('partners quota needs --partner ID and --automation-runs N|unlimited');
      await (await admin()).setQuotaCommand(config, out, { partnerId: values.partner, limit: runs === 'unlimited' ? null : Number(runs) });
      return 0;
    }
    case 'managers create': {
      const { partner, email, name, surname, role } = values;
      if (!partner || !email?.trim() || !name?.trim() || !surname?.trim() || !role || !isManagerRole(role)) {
        return fail(`managers create needs --partner ID --email E --name N --surname S --role ${MANAGER_ROLES.join('|')}`);
      }
      await (await managers()).createManagerCommand(config, out, { partnerId: partner, email, name, surname, role, json });
      return 0;
    }
    case 'managers list':
      if (!values.partner) return fail('managers list needs --partner ID');
      await (await managers()).listManagersCommand(config, out, { partnerId: values.partner, json });
      return 0;
    case 'managers disable':
    case 'managers reset': {
      const id = Number(values.id);
      if (!values.id || !/^\d{1,9}$/.test(values.id) || id < 1) return fail(`${command} needs --id N (the manager's number)`);
      if (command === 'managers disable') await (await managers()).disableManagerCommand(config, out, { id });
      else await (await managers()).resetManagerCommand(config, out, { id, json });
      return 0;
    }
    case 'keys create':
      if (!values.partner) return fail('keys create needs --partner ID');
      await (await admin()).createKeyCommand(config, out, { partnerId: values.partner, label: values.label ?? null, json });
      return 0;
    case 'keys list':
      await (await admin()).listKeysCommand(config, out, { partnerId: values.partner, json });
      return 0;
    case 'keys revoke':
      if (!positionals[2]) return fail('keys revoke needs a key id or API key');
      await (await admin()).revokeKeyCommand(config, out, { key: positionals[2] });
      return 0;
    case 'keys generate-master':
      (await admin()).generateMasterCommand(out);
      return 0;
    case 'keys rotate-master':
      return (await (await admin()).rotateMasterCommand(config, out, { json, progress: (line) => process.stderr.write(line + '\n') })) ? 0 : 1;
    case 'lists import': {
      const { importListCommand, isSource } = await lists();
      if (!isSource(positionals[2]) || !positionals[3]) return fail('lists import needs SOURCE (ofac-sdn, ofac-nonsdn, un, eu, uk, ftm) and PATH');
      await importListCommand(config, out, { source: positionals[2], path: positionals[3], force: values.force ?? false, json });
      return 0;
    }
    case 'lists status':
      await (await lists()).listStatusCommand(config, out, { json });
      return 0;
    case 'files migrate': {
      const to = FILE_STORES.find((store) => store === values.to);
      // By default from the configured store, or, when that is already the target (switched
      // before migrating), from the first other one: local files, then the database.
      const from =
        values.from === undefined
          ? config.fileStore !== to
            ? config.fileStore
            : FILE_STORES.find((store) => store !== to)
          : FILE_STORES.find((store) => store === values.from);
      if (!to || !from || from === to) return fail(`files migrate needs --to ${FILE_STORES.join('|')} (and --from, if given, another store)`);
      if ((to === 's3' || from === 's3') && !config.s3) return fail('the s3 file store needs OPENKYB_S3_BUCKET and the other OPENKYB_S3_* settings');
      return (await (
        await import('./cli/files.js')
      ).migrateFilesCommand(config, out, { from, to, json, progress: (line) => process.stderr.write(line + '\n') }))
        ? 0
        : 1;
    }
    case 'registries import':
      if (!isDatasetId(positionals[2]) || !positionals[3]) return fail(`registries import needs DATASET (${DATASET_IDS.join(', ')}) and PATH`);
      return (await registries()).importRegistryCommand(config, out, (line) => process.stderr.write(line + '\n'), {
        dataset: positionals[2],
        path: positionals[3],
        force: values.force ?? false,
        json,
      });
    case 'registries status':
      await (await registries()).registryStatusCommand(config, out, { json });
      return 0;
    case 'audit verify':
      return (await import('./cli/audit.js')).verifyAuditCommand(config, out, { ...(values.partner ? { partnerId: values.partner } : {}), json });
    default:
      return usage(2);
  }
}

function usage(code: number): number {
  (code === 0 ? process.stdout : process.stderr).write(USAGE + '\n');
  return code;
}

function fail(message: string): number {
  process.stderr.write(`openkyb: ${message}\n`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const known =
      error instanceof ConfigError ||
      error instanceof MasterKeyError ||
      error instanceof DomainError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    process.stderr.write(`openkyb: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
