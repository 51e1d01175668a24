/**
 * follow(): tails a live logdir and reports the detector's alerts as they appear. Each poll reads
 * what was appended to every event file since the last one (new runs and files are picked up), and
 * runs the detector over each step once a later step has arrived (so a step is complete).
 */
import { Detector } from '../detect/detector.js';
import type { DetectorOptions } from '../detect/options.js';
import type { Alert } from '../detect/types.js';
import { discoverRuns } from '../events/logdir.js';
import { EventFileReader, type ReadProblem } from '../events/reader.js';
import { ValueDecoder } from '../summary/decode.js';
import { recordsFromSeries } from './analyze.js';
import { RunCollector } from './collect.js';
import { decodeOrProblem, globToRegExp, type InvalidValue, tagMatcher } from './load.js';
import { assignRoles } from './series.js';
import { exactStep } from './step.js';

export interface FollowOptions {
  /** Milliseconds between polls. Default 1000. */
  intervalMs?: number;
  /** Stops following. */
  signal?: AbortSignal;
  run?: string;
  tag?: RegExp;
  detector?: DetectorOptions;
  onAlert: (run: string, alert: Alert) => void;
  onProblem?: (p: ReadProblem) => void;
  /** A summary value that cannot be decoded, skipped (the rest of its file is still read). */
  onInvalid?: (v: InvalidValue) => void;
}

interface RunState {
  collector: RunCollector;
  decoder: ValueDecoder;
  readers: Map<string, EventFileReader>;
  detector: Detector;
  done: number;
}

export async function follow(logdir: string, o: FollowOptions): Promise<void> {
  const runs = new Map<string, RunState>();
  const runFilter = o.run === undefined ? null : globToRegExp(o.run);
  const tagFilter = tagMatcher(o.tag);
  const interval = o.intervalMs ?? 1000;
  while (!o.signal?.aborted) {
    const { runs: found } = await discoverRuns(logdir);
    for (const info of found) {
      if (runFilter && !runFilter.test(info.name)) continue;
      let s = runs.get(info.name);
      if (!s) {
        s = {
          collector: new RunCollector(info.name),
          decoder: new ValueDecoder(),
          readers: new Map(),
          detector: new Detector(o.detector),
          done: Number.NEGATIVE_INFINITY,
        };
        runs.set(info.name, s);
      }
      for (const file of info.files) {
        let reader = s.readers.get(file);
        if (!reader) {
          reader = new EventFileReader(file, { onCorrupt: 'skip' });
          s.readers.set(file, reader);
        }
        const known = reader.problems.length;
        for await (const batch of reader.eventBatches()) {
          for (const { offset, event } of batch) {
            if (!event.summary) continue;
            const step = exactStep(event.step);
            for (const v of event.summary.value ?? []) {
              if (tagFilter && !tagFilter(v.tag ?? '')) continue;
              const d = decodeOrProblem(s.decoder, v);
              if (d.problem !== undefined)
                o.onInvalid?.({ file, offset, tag: v.tag ?? '', reason: d.problem });
              else s.collector.add(step, event.wallTime ?? 0, d.value);
            }
          }
        }
        for (const p of reader.problems.slice(known)) o.onProblem?.(p);
      }
      const c = s.collector;
      const tags = [...c.tags.values()];
      const roles = assignRoles(
        tags.filter((t) => t.kind === 'scalar').map((t) => t.tag),
        tags.filter((t) => t.kind === 'histogram').map((t) => t.tag),
      );
      // The newest step may still be being written: only steps before it are complete.
      for (const r of recordsFromSeries(c, roles).records) {
        if (r.step <= s.done || r.step >= c.lastStep) continue;
        for (const a of s.detector.observe(r)) if (a.first) o.onAlert(info.name, a);
        s.done = r.step;
      }
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval);
      o.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });
  }
}
