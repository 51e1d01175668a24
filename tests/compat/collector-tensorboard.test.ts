/**
 * Stock TensorBoard shows a run POSTed to the collector (`gradwatch serve`), as a page training in
 * the browser would send it, with both loaders: the scalars exactly (float32, NaN and ±Inf
 * included), in step order, and the points of a batch POSTed while TensorBoard is already reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, startCollector } from '../../src/index.js';
import { Event, type EventInit } from '../../src/proto/index.js';
import { frameRecord } from '../../src/tfrecord/index.js';
import { tempDir } from '../helpers.js';
import {
  num,
  startBothLoaders,
  type TensorBoardServer,
  tensorboardAvailable,
  waitUntil,
} from './tensorboard.js';

const available = tensorboardAvailable();

const TRAIN = [2.5, 1.75, Number.NaN, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1, 1e-7];
const VAL = [3.25, 0.3];

type ScalarRow = [number, number, unknown];

function batch(tag: string, values: number[], firstStep = 0): Buffer {
  const events: EventInit[] = values.map((v, i) => ({
    wallTime: 1_700_000_000 + firstStep + i,
    step: firstStep + i,
    summary: { value: [{ tag, simpleValue: v }] },
  }));
  return Buffer.concat(events.map((e) => frameRecord(Event.encode(e).finish())));
}

async function post(c: Collector, run: string, body: Buffer, session?: string): Promise<void> {
  const res = await fetch(`${c.url}/v1/runs/${run}/events`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${c.token}`,
      'Content-Type': 'application/octet-stream',
      ...(session ? { 'X-Gradwatch-Session': session } : {}),
    },
    body,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  await res.json();
}

describe.skipIf(!available)('stock TensorBoard reads what the collector writes', () => {
  const logdir = tempDir('gradwatch-collector-compat-');
  const servers: TensorBoardServer[] = [];
  let collector: Collector;

  beforeAll(async () => {
    collector = await startCollector({ logdir, port: 0, log: () => undefined });
    // The first half of training arrives before TensorBoard starts, the rest while it reads.
    await post(collector, 'page/train', batch('loss', TRAIN.slice(0, 4)), 'tab-1');
    await post(collector, 'page/val', batch('val_loss', VAL));
    servers.push(
      ...(await startBothLoaders(logdir, async (s) => {
        const tags = await s.get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags');
        return Boolean(tags['page/train']?.loss && tags['page/val']?.val_loss);
      })),
    );
    await post(collector, 'page/train', batch('loss', TRAIN.slice(4), 4), 'tab-1');
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await collector?.close();
  });

  for (const loadFast of [true, false]) {
    const name = loadFast ? 'RustBoard (--load_fast=true)' : 'Python loader (--load_fast=false)';
    const server = () => servers.find((s) => s.loadFast === loadFast)!;

    it(`${name}: shows the POSTed runs with every scalar exact, in step order`, async () => {
      const runs = await server().get<string[]>('/data/runs');
      expect([...runs].sort()).toEqual(['page/train', 'page/val']);
      let rows: ScalarRow[] = [];
      await waitUntil(`all ${TRAIN.length} train steps (load_fast=${loadFast})`, async () => {
        rows = await server().get<ScalarRow[]>('/data/plugin/scalars/scalars?run=page%2Ftrain&tag=loss');
        return rows.length === TRAIN.length;
      });
      expect(rows.map((r) => r[1])).toEqual(TRAIN.map((_, i) => i));
      expect(rows.map((r) => num(r[2]))).toEqual(TRAIN.map((v) => Math.fround(v)));
      expect(rows.map((r) => r[0])).toEqual(TRAIN.map((_, i) => 1_700_000_000 + i));
      const val = await server().get<ScalarRow[]>('/data/plugin/scalars/scalars?run=page%2Fval&tag=val_loss');
      expect(val.map((r) => [r[1], num(r[2])])).toEqual(VAL.map((v, i) => [i, Math.fround(v)]));
    });
  }
});
