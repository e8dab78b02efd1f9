/** Runs `stop` once on the first SIGTERM or SIGINT, then exits. */
export function onSignals(logger: { info(obj: object, msg: string): void; flush?(callback?: (error?: Error) => void): void }, stop: () => Promise<void>): void {
  // The log is written off the event loop (logger.ts): its last lines are out before the exit.
  const exit = (code: number) => (logger.flush ? logger.flush(() => process.exit(code)) : process.exit(code));
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => exit(0),
      () => exit(1),
    );
  };
  process.on('SIGTERM', () => handle('SIGTERM'));
  process.on('SIGINT', () => handle('SIGINT'));
}
