/**
 * One gradwatch writer per run directory. Two writers of the same tags in one run hide each other
 * in TensorBoard (both loaders keep one point per step, and a step that goes back purges the newer
 * points), so the callback and watchOptimizer claim their run first: a lock file in the directory
 * names the process (pid and host) that writes it. A run held by a live writer (in this process or
 * another on this host) is left alone and the next free sibling is used instead (`train` ->
 * `train_2`, ...), with a warning, so TensorBoard shows both. A lock whose process is gone (a
 * crash, a kill) is taken over; a lock from another host counts as held while it is fresh (its
 * writer refreshes it) and as stale after LOCK_STALE_MS.
 */
import { mkdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** The lock file's name: no "tfevents" in it, so neither TensorBoard nor gradwatch reads it. */
export const RUN_LOCK = '.gradwatch-writer.lock';
/** A lock from another host not refreshed for this long is stale. */
const LOCK_STALE_MS = 10 * 60_000;
/** Siblings tried before giving up on a free run (then the run is shared, with the warning). */
const MAX_SIBLINGS = 100;

/** Run directories this process holds. */
const held = new Set<string>();

export interface RunClaim {
  /** The directory to write: the one asked for, or a free sibling. */
  dir: string;
  /** Who holds the directory asked for, when a sibling was taken instead. */
  heldBy?: string;
  /** Keeps a lock from another host fresh (call now and then, e.g. at each flush). */
  refresh(): void;
  /** Gives the run back (at close). Idempotent. */
  release(): void;
}

/**
 * Claims `dir` for one writer, or its first free sibling. Never throws: if the lock cannot be
 * written (a read-only place), the directory is used unclaimed and the writer reports its own errors.
 */
export function claimRun(dir: string): RunClaim {
  const asked = resolve(dir);
  let heldBy: string | undefined;
  for (let i = 1; i <= MAX_SIBLINGS; i++) {
    const candidate = i === 1 ? asked : join(dirname(asked), `${basename(asked)}_${i}`);
    const holder = holderOf(candidate);
    if (holder !== null) {
      heldBy ??= holder;
      continue;
    }
    if (!lock(candidate)) break;
    return claim(i === 1 ? dir : candidate, candidate, heldBy);
  }
  return { dir, ...(heldBy === undefined ? {} : { heldBy }), refresh() {}, release() {} };
}

function claim(dir: string, path: string, heldBy: string | undefined): RunClaim {
  held.add(path);
  let released = false;
  return {
    dir,
    ...(heldBy === undefined ? {} : { heldBy }),
    refresh() {
      if (released) return;
      try {
        const now = new Date();
        utimesSync(join(path, RUN_LOCK), now, now);
      } catch {
        // the directory went away: the writer reports that itself
      }
    },
    release() {
      if (released) return;
      released = true;
      held.delete(path);
      try {
        if (readFileSync(join(path, RUN_LOCK), 'utf8').split(' ')[0] === String(process.pid))
          unlinkSync(join(path, RUN_LOCK));
      } catch {
        // already gone
      }
    },
  };
}

/** Who holds `dir` ("pid 123 on host"), or null when it is free or its lock is stale. */
function holderOf(dir: string): string | null {
  if (held.has(dir)) return `this process (pid ${process.pid})`;
  let text: string;
  let mtime: number;
  try {
    text = readFileSync(join(dir, RUN_LOCK), 'utf8');
    mtime = statSync(join(dir, RUN_LOCK)).mtimeMs;
  } catch {
    return null;
  }
  const [pidText, ...hostParts] = text.trim().split(' ');
  const pid = Number(pidText);
  const host = hostParts.join(' ');
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  if (host !== hostname()) return Date.now() - mtime < LOCK_STALE_MS ? `pid ${pid} on ${host}` : null;
  if (pid === process.pid) return null; // ours, from a writer already released
  try {
    process.kill(pid, 0);
    return `pid ${pid}`;
  } catch (err) {
    // EPERM: alive but someone else's process.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? `pid ${pid}` : null;
  }
}

function lock(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, RUN_LOCK), `${process.pid} ${hostname()}\n`);
    return true;
  } catch {
    return false;
  }
}
