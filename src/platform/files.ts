/**
 * Node's destination: event files in a logdir on disk, through the buffered file writer (which
 * flushes on exit, survives a full disk and never tears a record), with run directories claimed by
 * a lock file so two trainings never write one run.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isEventFileName } from '../events/file-name.js';
import { EventFileReader } from '../events/reader.js';
import { claimRun } from '../events/run-claim.js';
import { EventFileWriter, EventWriterError, notADirectory } from '../events/writer.js';
import type { Destination } from './destination.js';

const FILES: Destination = {
  kind: 'files',
  openWriter: (logdir, options) => new EventFileWriter(logdir, options),
  claimRun,
  join,
  checkLogdir(logdir, where) {
    const notDir = notADirectory(resolve(logdir));
    if (notDir)
      throw new EventWriterError(`${where}: ${notDir.message}`, notDir.path, undefined, notDir.code);
  },
  async lastStep(dir, prefix) {
    if (!existsSync(dir)) return 0;
    let last = 0;
    try {
      for (const name of readdirSync(dir).filter(isEventFileName).sort()) {
        const reader = new EventFileReader(join(dir, name), { onCorrupt: 'skip' });
        for await (const batch of reader.eventBatches()) {
          for (const { event } of batch) {
            const step = Number(event.step ?? 0);
            if (step > last && event.summary?.value?.some((v) => v.tag?.startsWith(prefix))) last = step;
          }
        }
      }
    } catch {
      // An unreadable run: its steps are unknown, start after what was found.
    }
    return last;
  },
  writeFile(dir, name, bytes) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), bytes);
  },
};

/** Event files on disk (the default in Node). */
export function files(): Destination {
  return FILES;
}
