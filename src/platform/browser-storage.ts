/**
 * A page's runs kept in the browser, in the Origin Private File System (OPFS): each writer appends
 * its records to its own event file under `<root>/<logdir>/`, committed at every flush (a closed or
 * crashed page keeps everything up to its last flush), and `download()` saves the whole logdir as a
 * zip archive that `tensorboard --logdir` reads once extracted. For users without a server.
 */
import { strToU8, zipSync } from 'fflate';
import { eventFileName, nextFileCounter } from '../events/file-name.js';
import { type RecordSink, StreamEventWriter } from '../events/stream-writer.js';
import { checkOptionNames, type EventWriterLike, typeAndValue } from '../events/writer-api.js';
import { type Destination, joinSegments, unclaimedRun } from './destination.js';

// The parts of the File System API used here (the project type-checks without DOM types).
interface WritableFile {
  seek(position: number): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface FileHandle {
  readonly kind: 'file';
  getFile(): Promise<{ size: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(options?: { keepExistingData?: boolean }): Promise<WritableFile>;
}
interface DirHandle {
  readonly kind: 'directory';
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  entries(): AsyncIterable<[string, DirHandle | FileHandle]>;
}

export interface BrowserStorageOptions {
  /** The directory in the origin's private file system that holds the logdir. Default 'gradwatch'. */
  root?: string;
}

export interface BrowserStorage extends Destination {
  /** Every file of the stored logdir in one zip (after flushing the open writers). */
  archive(): Promise<Uint8Array>;
  /** Saves the archive through the browser's download (default name `gradwatch-logdir-<time>.zip`). */
  download(fileName?: string): Promise<void>;
  /** The stored files' paths (relative to the logdir) and sizes. */
  list(): Promise<Array<{ path: string; bytes: number }>>;
  /** Deletes the stored logdir. */
  clear(): Promise<void>;
}

/** The origin's private file system (a page or a worker). */
function opfsTop(): Promise<DirHandle> {
  const storage = (
    globalThis as unknown as { navigator?: { storage?: { getDirectory?: () => Promise<DirHandle> } } }
  ).navigator?.storage;
  if (!storage?.getDirectory) {
    return Promise.reject(
      new Error(
        'browser storage needs the Origin Private File System (navigator.storage.getDirectory), which pages and workers of a secure context (https, localhost) have; Node has none: write files there (the default) or send to a collector()',
      ),
    );
  }
  return storage.getDirectory();
}

async function dirAt(root: DirHandle, path: string, create: boolean): Promise<DirHandle> {
  let d = root;
  for (const seg of joinSegments(path).split('/')) {
    if (seg !== '.') d = await d.getDirectoryHandle(seg, { create });
  }
  return d;
}

/** Writes `bytes` at `offset` of a file, committed on close (until then the file is as it was). */
async function writeAt(file: FileHandle, offset: number, bytes: Uint8Array): Promise<void> {
  const w = await file.createWritable({ keepExistingData: true });
  try {
    await w.seek(offset);
    await w.write(bytes);
  } finally {
    // close() commits: a page that dies before it leaves the file without these bytes, never torn.
    await w.close();
  }
}

async function appendTo(dir: Promise<DirHandle>, name: string, bytes: Uint8Array): Promise<void> {
  const file = await (await dir).getFileHandle(name, { create: true });
  await writeAt(file, (await file.getFile()).size, bytes);
}

async function walk(
  dir: DirHandle,
  prefix: string,
  out: Array<{ path: string; file: FileHandle }>,
): Promise<void> {
  for await (const [name, h] of dir.entries()) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (h.kind === 'directory') await walk(h, path, out);
    // Chromium's swap file of a write that never committed (the page died during it): not ours, and
    // its name holds "tfevents", so TensorBoard would read it as a second copy of the run.
    else if (!name.endsWith('.crswap')) out.push({ path, file: h });
  }
}

/** A per-page number in file names where Node puts the process id. */
const PAGE_ID = Math.floor(Math.random() * 1e6);

/**
 * Runs kept in the page's browser storage (the default destination in the browser build).
 *
 * @example
 * const store = browserStorage();
 * await model.fit(xs, ys, { callbacks: [tensorBoard('exp1', { destination: store })] });
 * await store.download(); // gradwatch-logdir-….zip: unzip, then tensorboard --logdir <folder>
 */
export function browserStorage(options: BrowserStorageOptions = {}): BrowserStorage {
  checkOptionNames(options, 'browserStorage()', ['root']);
  const rootName = options.root === undefined ? 'gradwatch' : options.root;
  if (typeof rootName !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(rootName) || rootName === '..') {
    throw new TypeError(`browserStorage: root must be one directory name, got ${JSON.stringify(rootName)}`);
  }
  let rootPromise: Promise<DirHandle> | null = null;
  const root = () => {
    rootPromise ??= opfsTop().then((top) => top.getDirectoryHandle(rootName, { create: true }));
    return rootPromise;
  };
  const open = new Set<EventWriterLike>();

  const storage: BrowserStorage = {
    kind: 'browser-storage',
    openWriter(logdir, writerOptions) {
      const name = eventFileName({
        seconds: Date.now() / 1000,
        host: 'browser',
        pid: PAGE_ID,
        counter: nextFileCounter(),
      });
      // The file and its length are looked up once: each append is then one commit (the page's
      // writer is the file's only writer, so the length it keeps is the file's).
      const file = root()
        .then((r) => dirAt(r, logdir, true))
        .then((d) => d.getFileHandle(name, { create: true }));
      let length = 0;
      const sink: RecordSink = {
        path: `browser storage ${rootName}/${joinSegments(logdir, name)}`,
        append: async (bytes) => {
          await writeAt(await file, length, bytes);
          length += bytes.length;
        },
        close: async () => {
          open.delete(writer);
        },
      };
      const writer = new StreamEventWriter(logdir, sink, writerOptions);
      open.add(writer);
      return writer;
    },
    claimRun: unclaimedRun,
    join: joinSegments,
    checkLogdir(logdir, where) {
      if (joinSegments(logdir).split('/').includes('..')) {
        throw new TypeError(
          `${where}: a logdir in browser storage cannot go up ('..'), got ${JSON.stringify(logdir)}`,
        );
      }
    },
    lastStep: async () => 0,
    writeFile(dir, name, bytes) {
      appendTo(
        root().then((r) => dirAt(r, dir, true)),
        name,
        bytes,
      ).catch((err) =>
        console.warn(`gradwatch: could not keep ${name} in browser storage: ${(err as Error).message}`),
      );
    },
    async list() {
      const files: Array<{ path: string; file: FileHandle }> = [];
      await walk(await root(), '', files);
      return Promise.all(files.map(async (f) => ({ path: f.path, bytes: (await f.file.getFile()).size })));
    },
    async archive() {
      await Promise.allSettled([...open].map((w) => w.flush()));
      const files: Array<{ path: string; file: FileHandle }> = [];
      await walk(await root(), '', files);
      const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
      for (const f of files) {
        entries[f.path] = [new Uint8Array(await (await f.file.getFile()).arrayBuffer()), { level: 0 }];
      }
      if (files.length === 0)
        entries['EMPTY.txt'] = [strToU8('No run has been written yet.\n'), { level: 0 }];
      return zipSync(entries);
    },
    async download(fileName) {
      if (fileName !== undefined && (typeof fileName !== 'string' || fileName === '')) {
        throw new TypeError(`download(): fileName must be a non-empty string, got ${typeAndValue(fileName)}`);
      }
      const g = globalThis as unknown as {
        document?: { createElement(tag: string): { href: string; download: string; click(): void } };
        Blob?: new (parts: unknown[], o: { type: string }) => unknown;
        URL: { createObjectURL(b: unknown): string; revokeObjectURL(u: string): void };
      };
      // Asked before the archive is made: elsewhere there is nothing to save it with.
      if (!g.document || !g.Blob)
        throw new Error('download() needs a page (document); use archive() elsewhere (a worker)');
      const bytes = await storage.archive();
      const url = g.URL.createObjectURL(new g.Blob([bytes], { type: 'application/zip' }));
      const a = g.document.createElement('a');
      a.href = url;
      a.download = fileName ?? `gradwatch-logdir-${new Date().toISOString().replace(/[:.]/g, '-')}.zip`;
      a.click();
      setTimeout(() => g.URL.revokeObjectURL(url), 10_000);
    },
    async clear() {
      const top = await opfsTop();
      await top.removeEntry(rootName, { recursive: true }).catch(() => {});
      rootPromise = null;
    },
  };
  return storage;
}

let shared: BrowserStorage | null = null;

/** The browser storage used when no destination is given (root 'gradwatch'). */
export function defaultStorage(): BrowserStorage {
  shared ??= browserStorage();
  return shared;
}

/**
 * Saves the default browser storage's logdir as a zip (every run trained in this origin without a
 * `destination`).
 *
 * @example
 * await model.fit(xs, ys, { callbacks: [tensorBoard('exp1')] });
 * await download();
 */
export function download(fileName?: string): Promise<void> {
  return defaultStorage().download(fileName);
}
