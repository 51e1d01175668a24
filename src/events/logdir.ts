/**
 * Run discovery as TensorBoard does it: every directory under the logdir (symlinks followed, loops
 * cut) that directly holds an event file is a run, named by its path relative to the logdir with "/"
 * separators, "." for the logdir itself. Nested runs are independent runs. A run's files are read in
 * lexicographic order, which for conventional names is the order they were created in.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { EventMessage } from '../proto/index.js';
import { isEventFileName } from './file-name.js';
import { EventFileReader, type EventFileReaderOptions, type ReadProblem } from './reader.js';

export interface RunInfo {
  /** Path relative to the logdir, "/"-separated; "." for the logdir itself. */
  name: string;
  /** Absolute directory. */
  dir: string;
  /** Absolute paths of its event files, sorted. */
  files: string[];
}

export interface DiscoveryResult {
  runs: RunInfo[];
  /** Directories that could not be listed, with the reason. */
  unreadable: Array<{ dir: string; error: string }>;
}

/** Finds the runs under `logdir`, sorted by name. Throws if `logdir` itself cannot be read. */
export async function discoverRuns(logdir: string): Promise<DiscoveryResult> {
  const root = await realpath(logdir).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read logdir ${logdir}: ${err.code ?? err.message}`, { cause: err });
  });
  const st = await stat(root);
  if (!st.isDirectory()) throw new Error(`logdir ${logdir} is not a directory`);
  const runs: RunInfo[] = [];
  const unreadable: DiscoveryResult['unreadable'] = [];
  // Real paths of the directories on the current path from the root: a symlink back to one of them is
  // a loop and is not followed. Other symlinked directories are runs of their own, as in RustBoard.
  const ancestors = new Set<string>();

  async function walk(dir: string, real: string): Promise<void> {
    if (ancestors.has(real)) return;
    ancestors.add(real);
    try {
      await visit(dir);
    } finally {
      ancestors.delete(real);
    }
  }

  async function visit(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ dir, error: (err as NodeJS.ErrnoException).code ?? String(err) });
      return;
    }
    const files: string[] = [];
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) subdirs.push(full);
      else if (e.isFile() && isEventFileName(e.name)) files.push(full);
      else if (e.isSymbolicLink()) {
        const target = await stat(full).catch(() => null);
        if (target?.isDirectory()) subdirs.push(full);
        else if (target?.isFile() && isEventFileName(e.name)) files.push(full);
      }
    }
    if (files.length > 0) runs.push({ name: runName(relative(logdir, dir)), dir, files: files.sort() });
    for (const sub of subdirs.sort()) {
      const subReal = await realpath(sub).catch(() => null);
      if (subReal) await walk(sub, subReal);
    }
  }

  // Walk from the path as given, so run names stay relative to it even if it is a symlink.
  await walk(logdir, root);
  runs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { runs, unreadable };
}

function runName(rel: string): string {
  if (rel === '') return '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export interface LogdirEvent {
  run: string;
  file: string;
  offset: number;
  event: EventMessage;
}

export interface ReadLogdirOptions extends EventFileReaderOptions {
  /** Called for each damaged record skipped (onCorrupt: 'skip'). */
  onProblem?: (p: ReadProblem) => void;
}

/** Yields every event of every run, run by run in name order, each run's files in order. */
export async function* readLogdir(
  logdir: string,
  options: ReadLogdirOptions = {},
): AsyncGenerator<LogdirEvent> {
  const { runs } = await discoverRuns(logdir);
  for (const run of runs) {
    for (const file of run.files) {
      const reader = new EventFileReader(file, options);
      for await (const batch of reader.eventBatches()) {
        for (const { offset, event } of batch) yield { run: run.name, file, offset, event };
      }
      if (options.onProblem) for (const p of reader.problems) options.onProblem(p);
    }
  }
}
