/**
 * watchOptimizer(): the gradient watch for custom training loops (`optimizer.minimize(...)` in your
 * own loop). Statistics are read in the background after each logged step and written to
 * `<logdir>`; `await unwatch()` restores the optimizer, writes what is left and closes the file.
 */
import type { Optimizer } from '@tensorflow/tfjs-core';
import type { Destination } from '../platform/destination.js';
import { checkDestination, SummaryWriter } from '../summary/writer.js';
import { AutoClipState, ZClipState } from '../watch/clip.js';
import {
  checkKnownOptions,
  checkLogdir,
  resolveWatchOptions,
  WATCH_OPTION_NAMES,
  type WatchOptions,
} from '../watch/options.js';
import { describeValue } from '../watch/tap.js';
import { layerFromVariableName, Watcher, watcherOptionsFor } from '../watch/watcher.js';
import { type DetectOptions, LiveDetector, logStep } from './live-detect.js';

export interface WatchOptimizerOptions extends WatchOptions {
  /** Directory of the run the statistics are written to (required unless `writer` is given). */
  logdir?: string;
  /** Write into an existing SummaryWriter instead (it is flushed, not closed, by unwatch()). */
  writer?: SummaryWriter;
  /** Where the run goes with `logdir`: files (Node's default), browser storage, or a collector. */
  destination?: Destination;
  /** Layer of a variable, for per-layer series. Default: the variable name up to its last "/". */
  layerOf?: (variableName: string) => string;
  /**
   * The explosion detector (default on), as in tensorBoard(). There is no fit to stop here, so
   * 'stop' makes the optimizer skip every update from then on (your loop keeps running).
   */
  detect?: boolean | DetectOptions;
}

export type Unwatch = () => Promise<void>;

export function watchOptimizer(optimizer: Optimizer, options: WatchOptimizerOptions): Unwatch {
  const where = 'watchOptimizer()';
  if (!optimizer || typeof (optimizer as Partial<Optimizer>).applyGradients !== 'function') {
    throw new TypeError(
      `${where}: optimizer must be a tfjs Optimizer (an object with applyGradients), got ${describeValue(optimizer)}`,
    );
  }
  if (options === null || typeof options !== 'object')
    throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  checkKnownOptions(
    options,
    [...WATCH_OPTION_NAMES, 'logdir', 'writer', 'layerOf', 'detect', 'destination'],
    where,
  );
  const o = resolveWatchOptions(options, where);
  if (options.writer !== undefined) {
    const w = options.writer as Partial<SummaryWriter> | null;
    if (!w || typeof w !== 'object' || typeof w.scalars !== 'function' || typeof w.flush !== 'function') {
      throw new TypeError(
        `${where}: writer must be a SummaryWriter (from gradwatch's summaryFileWriter() or new SummaryWriter()), got ${describeValue(w)}`,
      );
    }
    if (w.closed) throw new Error(`${where}: writer is closed; pass an open SummaryWriter, or a logdir`);
    if (options.logdir !== undefined || options.destination !== undefined) {
      throw new TypeError(
        `${where}: pass logdir or writer, not both (the writer already has its directory and destination)`,
      );
    }
  } else {
    checkLogdir(options.logdir, where, ' (or pass writer)');
  }
  const destination = checkDestination(options.destination, where);
  if (options.writer === undefined) destination.checkLogdir(options.logdir!, where);
  if (options.layerOf !== undefined && typeof options.layerOf !== 'function') {
    throw new TypeError(`${where}: layerOf must be a function`);
  }
  const detectOption = options.detect ?? true;
  if (typeof detectOption !== 'boolean' && (detectOption === null || typeof detectOption !== 'object')) {
    throw new TypeError(`${where}: detect must be true, false or an object`);
  }
  const detector =
    detectOption === false ? null : new LiveDetector(detectOption === true ? {} : detectOption, where);
  // Set once the watcher is attached: nothing is opened for a call that throws.
  let writer: SummaryWriter = options.writer as SummaryWriter;
  const ownsWriter = options.writer === undefined;
  const warned = new Set<string>();
  const warn = (key: string, message: string) => {
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(message);
    }
  };

  const guarded = (fn: () => 'apply' | 'skip'): 'apply' | 'skip' => {
    try {
      return fn();
    } catch (err) {
      warn('detect', `gradwatch: the detector failed: ${(err as Error).message}`);
      return 'apply';
    }
  };
  let draining: Promise<void> = Promise.resolve();
  let scheduled = false;
  const drain = (final = false) => {
    scheduled = false;
    draining = draining.then(async () => {
      try {
        const lr = (optimizer as unknown as { learningRate?: unknown }).learningRate;
        const wasStopped = detector?.stopped;
        await watcher.drain((s) =>
          logStep(writer, s, typeof lr === 'number' ? lr : undefined, detector, warn),
        );
        if (final) detector?.take([], writer, true);
        if (detector?.stopped && !wasStopped) {
          console.warn('gradwatch: an alert asked to stop: the optimizer skips every update from now on');
        }
      } catch (err) {
        warn('stats', `gradwatch: could not log gradient statistics: ${(err as Error).message}`);
      }
    });
  };
  const zclip = o.clip && 'zclip' in o.clip ? new ZClipState(o.clip.zclip) : undefined;
  const autoclip = o.clip && 'autoclip' in o.clip ? new AutoClipState(o.clip.autoclip) : undefined;
  const watcher = new Watcher(
    watcherOptionsFor(optimizer, o, {
      owner: 'watchOptimizer()',
      ...(zclip ? { zclipState: zclip } : {}),
      ...(autoclip ? { autoclipState: autoclip } : {}),
      layerOf: options.layerOf ?? layerFromVariableName,
      ...(detector?.needsGate ? { gate: (c) => guarded(() => detector.gate(c)) } : {}),
      onQueued: () => {
        if (!scheduled) {
          scheduled = true;
          queueMicrotask(() => drain());
        }
      },
    }),
  );
  watcher.attach(optimizer);
  // Another live writer of the same run (a second watchOptimizer on this logdir, say a GAN's other
  // optimizer, or another process) would hide ours in TensorBoard: a sibling run is used instead.
  const claim = ownsWriter ? destination.claimRun(options.logdir!) : null;
  if (claim?.heldBy) {
    warn(
      'claim',
      `gradwatch: ${options.logdir} is being written by ${claim.heldBy}; writing to ${claim.dir} instead, so TensorBoard shows both (give each optimizer its own logdir)`,
    );
  }
  if (ownsWriter) {
    try {
      writer = new SummaryWriter(claim!.dir, {
        flushMillis: o.flushMillis,
        onStepConflict: 'skip',
        destination,
      });
    } catch (err) {
      claim?.release();
      watcher.detach();
      (err as Error).message = `${where}: ${(err as Error).message}`;
      throw err;
    }
    writer.on('error', (err) => warn(err.message, `gradwatch: ${err.message}`));
  }
  let done: Promise<void> | null = null;
  return () => {
    done ??= (async () => {
      watcher.detach();
      drain(true);
      await draining;
      watcher.dispose();
      zclip?.dispose();
      autoclip?.dispose();
      if (ownsWriter) await writer.close().finally(() => claim?.release());
      else await writer.flush();
    })();
    return done;
  };
}
