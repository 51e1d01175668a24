/**
 * Run discovery as TensorBoard does it: every directory under the logdir (symlinks followed) that
 * directly holds an event file is a run, named by its path relative to the logdir with "/"
 * separators, "." for the logdir itself. Nested runs are independent runs. A run's files are read in
 * lexicographic order, which for conventional names is the order they were created in.
 *
 * Each real directory is visited once, however many links lead to it (two links per level would
 * otherwise make 2^depth runs of the same files, and a link back up is a loop). It is named by its
 * path without links when it has one, else by the path through the fewest links (ties: the first
 * path in name order).
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
  if (typeof logdir !== 'string' || logdir === '' || logdir.includes('\0')) {
    const given = typeof logdir === 'string' ? JSON.stringify(logdir) : String(logdir);
    throw new TypeError(
      `logdir must be a non-empty path${typeof logdir === 'string' && logdir.includes('\0') ? ' without NUL' : ''}, got ${given}`,
    );
  }
  const fail = (err: NodeJS.ErrnoException): never => {
    throw Object.assign(
      new Error(`cannot read logdir ${logdir}: ${err.code ?? err.message}`, { cause: err }),
      {
        code: err.code,
      },
    );
  };
  const root = await realpath(logdir).catch(fail);
  const st = await stat(root).catch(fail);
  if (!st.isDirectory())
    throw Object.assign(new Error(`logdir ${logdir} is not a directory`), { code: 'ENOTDIR' });
  const runs: RunInfo[] = [];
  const unreadable: DiscoveryResult['unreadable'] = [];
  // Real paths of the directories visited: each is visited once, by the first path that reaches it.
  const visited = new Set<string>();
  // Symlinked directories met while walking, followed after every directory reachable with fewer links.
  let links: string[] = [];

  async function walk(dir: string, real: string): Promise<void> {
    if (visited.has(real)) return;
    visited.add(real);
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
      if (e.isDirectory()) subdirs.push(e.name);
      else if (e.isFile() && isEventFileName(e.name)) files.push(full);
      else if (e.isSymbolicLink()) {
        const target = await stat(full).catch(() => null);
        if (target?.isDirectory()) links.push(full);
        else if (target?.isFile() && isEventFileName(e.name)) files.push(full);
      }
    }
    if (files.length > 0) runs.push({ name: runName(relative(logdir, dir)), dir, files: files.sort() });
    // A directory entry (not a link) of a directory whose real path is known: no realpath call.
    for (const sub of subdirs.sort()) await walk(join(dir, sub), join(real, sub));
  }

  // Walk from the path as given, so run names stay relative to it even if it is a symlink; then the
  // links, a round per number of links on the path.
  await walk(logdir, root);
  while (links.length > 0) {
    const round = links.sort();
    links = [];
    for (const link of round) {
      const real = await realpath(link).catch(() => null);
      if (real) await walk(link, real);
    }
  }
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
