/**
 * Where a run's bytes go: the one seam between gradwatch's shared core (encoding, tap, statistics,
 * detector) and a platform. Node writes files (files.ts); a page sends to a collector
 * (collector-client.ts, which works from Node too) or keeps the run in browser storage
 * (browser-storage.ts). default.ts picks the platform's default (the browser build swaps it for
 * default.browser.ts through package.json's "browser" field).
 */
import type { EventFileWriterOptions, EventWriterLike } from '../events/writer-api.js';

/** A run directory held by one writer (see events/run-claim.ts for files). */
export interface RunClaim {
  /** The directory to write: the one asked for, or a free sibling. */
  dir: string;
  /** Who holds the directory asked for, when a sibling was taken instead. */
  heldBy?: string;
  refresh(): void;
  release(): void;
}

export interface Destination {
  /** 'files', 'collector' or 'browser-storage': for messages. */
  readonly kind: string;
  /** Opens a writer of one new event file in the run directory `logdir`. */
  openWriter(logdir: string, options: EventFileWriterOptions): EventWriterLike;
  /** Claims a run directory for one writer (files: a lock file; elsewhere: the name as given). */
  claimRun(dir: string): RunClaim;
  /** Joins path segments the way this destination names directories. */
  join(...parts: string[]): string;
  /** Throws when nothing could ever be written at `logdir` (a file where a directory should be). */
  checkLogdir(logdir: string, where: string): void;
  /** The highest step of a tag starting with `prefix` already in the run `dir` (0: none, or unknown). */
  lastStep(dir: string, prefix: string): Promise<number>;
  /**
   * Writes a whole file next to a run's event files (a post-mortem as JSON, kept evidence);
   * undefined where only event records can be sent (a collector).
   */
  writeFile?(dir: string, name: string, bytes: Uint8Array): void;
}

/** A claim that claims nothing: for destinations that keep each writer's file apart anyway. */
export function unclaimedRun(dir: string): RunClaim {
  return { dir, refresh() {}, release() {} };
}

/** '/'-separated joining without a platform path module: empty and '.' segments dropped. */
export function joinSegments(...parts: string[]): string {
  const segs = parts.flatMap((p) => p.split('/')).filter((s) => s !== '' && s !== '.');
  return segs.join('/') || '.';
}
