/**
 * One process-wide registry of open writers, so that buffered records reach disk on normal exit and on
 * SIGINT/SIGTERM without each writer adding listeners of its own (and tripping MaxListeners).
 *
 * - 'exit' handlers must be synchronous, so each writer writes its buffer with fs.writeSync.
 * - On SIGINT/SIGTERM the event loop still runs: writers flush asynchronously (bounded by a timeout),
 *   then the signal is raised again so the process ends as it would have without us, unless the
 *   application installed a handler of its own for that signal.
 */

export interface ExitFlushable {
  /** Writes everything still buffered, synchronously. Must not throw. */
  flushSyncOnExit(): void;
  /** Flushes asynchronously. Must not reject. */
  flushOnSignal(): Promise<void>;
}

const SIGNAL_FLUSH_TIMEOUT_MS = 5000;
const open = new Set<ExitFlushable>();
let installed = false;

function flushAllSync(): void {
  for (const w of open) w.flushSyncOnExit();
}

function onSignal(signal: NodeJS.Signals): void {
  const flushes = Promise.all([...open].map((w) => w.flushOnSignal()));
  const timeout = new Promise<void>((done) => setTimeout(done, SIGNAL_FLUSH_TIMEOUT_MS).unref());
  void Promise.race([flushes, timeout]).then(() => {
    process.removeListener(signal, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

export function registerForExit(w: ExitFlushable): void {
  open.add(w);
  if (!installed) {
    installed = true;
    process.on('exit', flushAllSync);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
}

export function unregisterForExit(w: ExitFlushable): void {
  open.delete(w);
  if (open.size === 0 && installed) {
    installed = false;
    process.removeListener('exit', flushAllSync);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
