// SIGINT/SIGTERM: stop accepting, flush state, exit 0 within 5 s (contract 1). A repeated
// signal during shutdown changes nothing: the first shutdown simply carries on.
import type { Logger } from '../hub/log.js';

export const SHUTDOWN_DEADLINE_MS = 4_500;

export function exitOnSignals(stop: () => Promise<void>, log: Logger): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      // conf's atomic writer re-raises the signal after its own clean-up, so this is routine.
      log.debug(`${signal} received again; already stopping`);
      return;
    }
    shuttingDown = true;
    log.info(`${signal} received; stopping`);
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error('error while stopping', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
