/**
 * One process-wide registry of open writers, so that buffered records reach disk on normal exit and on
 * SIGINT/SIGTERM without each writer adding listeners of its own (and tripping MaxListeners).
 *
 * - 'exit' handlers must be synchronous: each writer writes its buffer with synchronous writes (taking
 *   over an asynchronous write in progress, see EventFileWriter).
 * - On SIGINT/SIGTERM every writer flushes the same synchronous way, then the signal is raised again
 *   with Node's default action, so the process ends at once as it would have without us (unless the
 *   application has a handler of its own for that signal: then it decides).
 * - A signal handler only runs when the event loop turns, and a synchronous training loop (no await)
 *   never lets it: with our handler installed, Ctrl-C would be ignored until the loop ends. So a
 *   heartbeat timer notes each turn of the event loop, and a writer that is called for BLOCKED_MS
 *   without a turn in between (see callerBlocksLoop) removes our handlers: SIGINT and SIGTERM then
 *   have their default action and end the process at once, and the writer writes synchronously every
 *   flushMillis instead (its timer cannot fire either), so what is lost is bounded as after a kill.
 *   The handlers come back at the next turn. A signal that arrives in the first BLOCKED_MS of such a
 *   loop, while our handler is still installed, is lost when the handler is removed (Node drops a
 *   signal whose handler is gone before the loop could deliver it): the next one ends the process.
 */

export interface ExitFlushable {
  /** Writes everything still buffered, synchronously. Must not throw. */
  flushSyncOnExit(): void;
}

/** How often the heartbeat notes that the event loop turned. */
const BEAT_MS = 100;
/** How long a caller may write without letting the event loop turn before it counts as blocking it. */
export const BLOCKED_MS = 500;

const open = new Set<ExitFlushable>();
let installed = false;
/** Whether our SIGINT/SIGTERM handlers are installed. */
let holding = false;
/** Set once a signal was raised again: our handlers are not installed again. */
let raised = false;
let beatTimer: NodeJS.Timeout | null = null;
/** performance.now() of the first write since the event loop last turned, or -1. */
let firstWrite = -1;

function flushAllSync(): void {
  for (const w of open) w.flushSyncOnExit();
}

function onSignal(signal: NodeJS.Signals): void {
  flushAllSync();
  // The application listens too: it decides what the signal does.
  if (process.listenerCount(signal) > 1) return;
  raised = true;
  release();
  // Without a listener Node restores the default action: the process ends by this signal.
  process.kill(process.pid, signal);
}

function hold(): void {
  if (holding || raised) return;
  holding = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function release(): void {
  if (!holding) return;
  holding = false;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}

/** The event loop turned: writes since then do not count as blocking it, and our handlers are back. */
function beat(): void {
  firstWrite = -1;
  hold();
}

/**
 * Called by a writer at each write. True when writes have been coming for BLOCKED_MS without the
 * event loop turning (a synchronous loop): our signal handlers could not run, so they are removed
 * until the next turn, and the caller should write synchronously.
 */
export function callerBlocksLoop(): boolean {
  if (!installed) return false;
  const now = performance.now();
  if (firstWrite < 0) {
    firstWrite = now;
    return false;
  }
  if (now - firstWrite < BLOCKED_MS) return false;
  release();
  return true;
}

export function registerForExit(w: ExitFlushable): void {
  open.add(w);
  if (!installed) {
    installed = true;
    firstWrite = -1;
    process.on('exit', flushAllSync);
    hold();
    beatTimer = setInterval(beat, BEAT_MS);
    beatTimer.unref();
  }
}

export function unregisterForExit(w: ExitFlushable): void {
  open.delete(w);
  if (open.size === 0 && installed) {
    installed = false;
    process.removeListener('exit', flushAllSync);
    release();
    if (beatTimer) clearInterval(beatTimer);
    beatTimer = null;
  }
}
