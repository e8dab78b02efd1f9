import type { Config } from '../config.js';
import { verifyAuditChain, type ChainReport } from '../core/audit/verify-chain.js';
import { withCtx } from './admin.js';

type Out = (line: string) => void;

/** Progress is printed each time another PROGRESS_EVERY entries of one partner were checked. */
const PROGRESS_EVERY = 10_000;

/**
 * `openkyb audit verify`: walks the chains and answers 0 when intact, 1 naming the first broken
 * link. Progress goes to stderr so stdout holds only the result (one JSON line with --json).
 */
export async function verifyAuditCommand(config: Config, out: Out, input: { partnerId?: string; json: boolean; progress?: Out }): Promise<number> {
  const progress = input.progress ?? ((line: string) => process.stderr.write(line + '\n'));
  let current: { partnerId: string; shown: number } | null = null;
  const report = await withCtx(config, (ctx) =>
    verifyAuditChain({
      db: ctx.db,
      ...(input.partnerId !== undefined ? { partnerId: input.partnerId } : {}),
      onProgress: ({ partnerId, checked, total }) => {
        if (current?.partnerId !== partnerId) current = { partnerId, shown: 0 };
        if (checked - current.shown < PROGRESS_EVERY) return;
        current.shown = checked;
        progress(`audit verify: partner ${partnerId}: ${checked} of ${total} entries checked`);
      },
    }),
  );
  if (input.json) out(JSON.stringify(report));
  else describe(report, out);
  return report.broken ? 1 : 0;
}

function describe(report: ChainReport, out: Out): void {
  const scope = `${report.partners} partner${report.partners === 1 ? '' : 's'}, ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'} checked`;
  if (!report.broken) return out(`Audit chain intact: ${scope}.`);
  const { partnerId, seq, entryId, message } = report.broken;
  out(`Audit chain BROKEN at partner ${partnerId}, seq ${seq}${entryId ? `, entry ${entryId}` : ''}: ${message}.`);
  out(`(${scope} before the break)`);
}
