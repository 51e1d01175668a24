/**
 * Stock TensorBoard is the judge. A logdir written by gradwatch is served by real TensorBoard servers
 * with both loaders (RustBoard: --load_fast=true; Python: --load_fast=false) and every value is read
 * back through the HTTP routes the dashboards use. The reverse direction checks gradwatch's reader
 * against what TensorBoard's Python loader reads from files written by tensorboardX and TensorBoard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HistogramData, readSummaries, SummaryWriter } from '../../src/index.js';
import { computeHistogram } from '../../src/summary/histogram.js';
import { tempDir } from '../helpers.js';
import {
  num,
  REPO,
  runPython,
  sessionGroups,
  startBothLoaders,
  type TensorBoardServer,
  tensorboardAvailable,
} from './tensorboard.js';

const available = tensorboardAvailable();

const LOSS = [2.5, 1.75, Number.NaN, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1, 0.125];
const ORDINARY = [
  Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.37) * 3),
  Float64Array.from({ length: 1000 }, (_, i) => Math.cos(i * 0.11) * 0.001 + 5),
  Float32Array.from({ length: 257 }, (_, i) => (i % 17) - 8.5),
];
const NONFINITE = [1, 2, 3, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2.5];
const TEXT = '**bold** and `code`';
const LAYOUT = {
  categories: [
    {
      title: 'gradient health',
      charts: [
        { title: 'loss', multiline: ['loss', 'metrics/.*'] },
        {
          title: 'band',
          margin: [{ value: 'metrics/acc', lower: 'metrics/acc_lo', upper: 'metrics/acc_hi' }],
        },
      ],
    },
    { title: 'closed one', closed: true, charts: [{ title: 'x', multiline: ['x'] }] },
  ],
};
const HPARAMS = { learning_rate: 0.01, optimizer: 'adam', clip: true, batch_size: 32 };

type ScalarRow = [number, number, unknown];
type HistRow = [number, number, number[][]];

describe.skipIf(!available)('stock TensorBoard reads what gradwatch writes', () => {
  const logdir = tempDir('gradwatch-compat-');
  const servers: TensorBoardServer[] = [];
  let t0 = 0;
  let t1 = 0;

  beforeAll(async () => {
    t0 = Date.now() / 1000;
    const train = new SummaryWriter(join(logdir, 'train'));
    for (const [step, v] of LOSS.entries()) train.scalar('loss', v, step, 'Training loss');
    for (let step = 0; step < 3; step++) train.scalar('metrics/acc', step / 4, step);
    for (const [step, data] of ORDINARY.entries()) train.histogram('grad/ordinary', data, step, 30);
    train.histogram('grad/empty', [], 0);
    train.histogram('grad/equal', [4.5, 4.5, 4.5, 4.5], 0);
    // Several histograms in one event (how the callback logs a step's distributions), one of them
    // given as flat precomputed rows.
    for (let step = 0; step < 2; step++) {
      const entries: Array<[string, HistogramData]> = [
        ['multi/a', [step, 1, 2, 3]],
        ['multi/b', { buckets: new Float64Array([0, 1, 2 + step, 1, 2, 5]) }],
      ];
      train.histograms(entries, step, 2);
    }
    train.histogram('grad/nonfinite', NONFINITE, 0, 5);
    train.text('notes', TEXT, 1);
    train.customScalars(LAYOUT);
    train.hparams(HPARAMS, [
      'loss',
      { tag: 'metrics/acc', displayName: 'accuracy', datasetType: 'training' },
    ]);
    await train.close();
    const val = new SummaryWriter(join(logdir, 'val'));
    val.scalar('loss', 0.75, 10);
    await val.close();
    const nested = new SummaryWriter(join(logdir, 'train', 'nested'));
    nested.scalar('deep', 42, 0);
    await nested.close();
    t1 = Date.now() / 1000;

    servers.push(
      ...(await startBothLoaders(logdir, async (s) => {
        const sc = await s.get<Record<string, Record<string, unknown>>>('/data/plugin/scalars/tags');
        const hi = await s.get<Record<string, Record<string, unknown>>>('/data/plugin/histograms/tags');
        return Boolean(
          sc.train?.loss && sc.val?.loss && sc['train/nested']?.deep && hi.train?.['grad/nonfinite'],
        );
      })),
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  for (const loadFast of [true, false]) {
    const name = loadFast ? 'RustBoard (--load_fast=true)' : 'Python loader (--load_fast=false)';
    const server = () => servers.find((s) => s.loadFast === loadFast)!;

    describe(name, () => {
      it('lists the plugins with data as enabled', async () => {
        const listing = await server().get<Record<string, { enabled: boolean }>>('/data/plugins_listing');
        for (const p of ['scalars', 'histograms', 'distributions', 'text', 'custom_scalars', 'hparams']) {
          expect(listing[p]?.enabled, p).toBe(true);
        }
      });

      it('finds every run, nested ones included', async () => {
        const runs = await server().get<string[]>('/data/runs');
        expect([...runs].sort()).toEqual(['train', 'train/nested', 'val']);
      });

      it('serves every scalar exactly (float32), NaN and ±Inf included, with its description', async () => {
        const rows = await server().get<ScalarRow[]>('/data/plugin/scalars/scalars?run=train&tag=loss');
        expect(rows.map((r) => r[1])).toEqual(LOSS.map((_, i) => i));
        expect(rows.map((r) => num(r[2]))).toEqual(LOSS.map((v) => Math.fround(v)));
        for (const [wall] of rows) {
          expect(wall).toBeGreaterThanOrEqual(Math.floor(t0));
          expect(wall).toBeLessThanOrEqual(t1 + 1);
        }
        const acc = await server().get<ScalarRow[]>(
          '/data/plugin/scalars/scalars?run=train&tag=metrics%2Facc',
        );
        expect(acc.map((r) => [r[1], num(r[2])])).toEqual([
          [0, 0],
          [1, 0.25],
          [2, 0.5],
        ]);
        const val = await server().get<ScalarRow[]>('/data/plugin/scalars/scalars?run=val&tag=loss');
        expect(val.map((r) => [r[1], num(r[2])])).toEqual([[10, 0.75]]);
        const tags =
          await server().get<Record<string, Record<string, { description: string }>>>(
            '/data/plugin/scalars/tags',
          );
        expect(tags.train?.loss?.description).toContain('Training loss');
      });

      it('serves histograms bucket for bucket: ordinary, empty, all-equal and with non-finite values', async () => {
        const get = (tag: string) =>
          server().get<HistRow[]>(
            `/data/plugin/histograms/histograms?run=train&tag=${encodeURIComponent(tag)}`,
          );
        const ordinary = await get('grad/ordinary');
        expect(ordinary.map((r) => r[1])).toEqual([0, 1, 2]);
        for (const [i, data] of ORDINARY.entries()) {
          const b = computeHistogram(data, 30).buckets;
          const expected = Array.from({ length: b.length / 3 }, (_, k) => [
            b[k * 3],
            b[k * 3 + 1],
            b[k * 3 + 2],
          ]);
          expect(ordinary[i]![2]).toEqual(expected);
          expect(ordinary[i]![2].reduce((a, row) => a + row[2]!, 0)).toBe(data.length);
        }
        expect((await get('grad/empty'))[0]![2]).toEqual([]);
        expect((await get('grad/equal'))[0]![2]).toEqual([[4.5, 4.5, 4]]);
        const a = await get('multi/a');
        expect(a.map((r) => r[1])).toEqual([0, 1]);
        expect(a[0]![2]).toEqual([
          [0, 1.5, 2],
          [1.5, 3, 2],
        ]);
        const b = await get('multi/b');
        expect(b.map((r) => r[2])).toEqual([
          [
            [0, 1, 2],
            [1, 2, 5],
          ],
          [
            [0, 1, 3],
            [1, 2, 5],
          ],
        ]);
        const nf = (await get('grad/nonfinite'))[0]![2];
        expect(nf).toEqual([
          [1, 1.4, 1],
          [1.4, 1.8, 0],
          [1.8, 2.2, 1],
          [2.2, 2.6, 1],
          [2.6, 3, 1],
        ]);
        expect(nf.flat().every(Number.isFinite)).toBe(true);
      });

      it('derives distributions from the histograms', async () => {
        const rows = await server().get<Array<[number, number, Array<[number, number]>]>>(
          '/data/plugin/distributions/distributions?run=train&tag=grad%2Fordinary',
        );
        expect(rows.map((r) => r[1])).toEqual([0, 1, 2]);
        expect(rows[0]![2]).toHaveLength(9);
        expect(rows[0]![2][0]![1]).toBeCloseTo(Math.min(...ORDINARY[0]!), 12);
        expect(rows[0]![2][8]![1]).toBeCloseTo(Math.max(...ORDINARY[0]!), 12);
      });

      it('renders the text as markdown', async () => {
        const rows = await server().get<Array<{ step: number; text: string }>>(
          '/data/plugin/text/text?run=train&tag=notes',
        );
        expect(rows.map((r) => r.step)).toEqual([1]);
        expect(rows[0]!.text).toBe('<p><strong>bold</strong> and <code>code</code></p>');
      });

      it('serves the custom-scalars layout', async () => {
        const layout = await server().get<unknown>('/data/plugin/custom_scalars/layout');
        expect(layout).toEqual({
          version: 0,
          category: [
            {
              title: 'gradient health',
              closed: false,
              chart: [
                { title: 'loss', multiline: { tag: ['loss', 'metrics/.*'] } },
                {
                  title: 'band',
                  margin: {
                    series: [{ value: 'metrics/acc', lower: 'metrics/acc_lo', upper: 'metrics/acc_hi' }],
                  },
                },
              ],
            },
            { title: 'closed one', closed: true, chart: [{ title: 'x', multiline: { tag: ['x'] } }] },
          ],
        });
      });

      it('shows the hparams session with its values and metrics', async () => {
        const exp = await server().post<{
          hparamInfos: Array<{ name: string; type: string }>;
          metricInfos: Array<{
            name: { tag: string; group: string };
            displayName: string;
            datasetType: string;
          }>;
        }>('/data/plugin/hparams/experiment', { experimentName: '' });
        expect(Object.fromEntries(exp.hparamInfos.map((h) => [h.name, h.type]))).toEqual({
          learning_rate: 'DATA_TYPE_FLOAT64',
          optimizer: 'DATA_TYPE_STRING',
          clip: 'DATA_TYPE_BOOL',
          batch_size: 'DATA_TYPE_FLOAT64',
        });
        expect(exp.metricInfos.map((m) => [m.name.tag, m.name.group, m.displayName, m.datasetType])).toEqual([
          ['loss', '', '', 'DATASET_UNKNOWN'],
          ['metrics/acc', '', 'accuracy', 'DATASET_TRAINING'],
        ]);
        const groups = {
          sessionGroups: await sessionGroups(server(), [
            ...Object.keys(HPARAMS).map((hparam) => ({ hparam })),
            { metric: { tag: 'metrics/acc', group: '' } },
          ]),
        };
        expect(groups.sessionGroups).toHaveLength(1);
        const g = groups.sessionGroups[0]!;
        expect(g.name).toBe('train');
        expect(g.hparams).toEqual(HPARAMS);
        expect(g.metricValues).toEqual([
          expect.objectContaining({ name: { tag: 'loss', group: '' }, value: 0.125, trainingStep: 7 }),
          expect.objectContaining({ name: { tag: 'metrics/acc', group: '' }, value: 0.5, trainingStep: 2 }),
        ]);
      });
    });
  }
});

interface PyDump {
  written_scalars: unknown[];
  runs: Record<string, Record<string, { plugin: string; points: Array<{ step: number; value: unknown }> }>>;
}

describe.skipIf(!available)('gradwatch reads what Python writers write, as TensorBoard does', () => {
  const logdir = tempDir('gradwatch-pylog-');
  let dump: PyDump;
  const ours = new Map<string, Array<{ step: number; value: unknown; kind: string }>>();

  beforeAll(async () => {
    const out = join(logdir, '..', `${logdir.split('/').pop()}.json`);
    await runPython(join(REPO, 'tests/compat/py/write_python_logdir.py'), [logdir, out]);
    dump = JSON.parse(readFileSync(out, 'utf8')) as PyDump;
    for await (const p of readSummaries(logdir)) {
      const key = `${p.run}|${p.value.tag}`;
      const v = p.value;
      const value =
        v.kind === 'scalar'
          ? v.value
          : v.kind === 'histogram'
            ? Array.from({ length: v.buckets.length / 3 }, (_, k) =>
                Array.from(v.buckets.subarray(k * 3, k * 3 + 3)),
              )
            : v.kind === 'text'
              ? v.cells
              : null;
      if (!ours.has(key)) ours.set(key, []);
      ours.get(key)!.push({ step: p.step, value, kind: v.kind });
    }
  });

  it('finds the same runs and tags', () => {
    const theirs = Object.entries(dump.runs).flatMap(([run, tags]) =>
      Object.keys(tags).map((t) => `${run}|${t}`),
    );
    expect([...ours.keys()].sort()).toEqual(theirs.sort());
  });

  it('reads scalars from simple_value, float tensors and double tensors with the values written', () => {
    const written = dump.written_scalars.map(num).map((v) => Math.fround(v));
    expect(ours.get('tbx|tbx/loss')!.map((p) => p.value)).toEqual(written);
    expect(ours.get('tb_v2|tb/acc')!.map((p) => p.value)).toEqual(written);
    expect(ours.get('torch_like|torch/double')!.map((p) => p.value)).toEqual([0.1, 0.2, 1 / 3]);
  });

  it('reads every series exactly as TensorBoard Python loader does', () => {
    for (const [run, tags] of Object.entries(dump.runs)) {
      for (const [tag, series] of Object.entries(tags)) {
        const mine = ours.get(`${run}|${tag}`)!;
        expect(
          mine.map((p) => p.step),
          `${run}/${tag} steps`,
        ).toEqual(series.points.map((p) => p.step));
        for (const [i, point] of series.points.entries()) {
          const got = mine[i]!;
          if (series.plugin === 'scalars') {
            expect(got.kind).toBe('scalar');
            expect(got.value).toEqual(num(point.value));
          } else if (series.plugin === 'histograms') {
            expect(got.kind).toBe('histogram');
            const rows = got.value as number[][];
            const want = (point.value as unknown[][]).map((r) => r.map(num));
            expect(rows.length, `${run}/${tag} bucket count`).toBe(want.length);
            // TensorBoard's Python loader converts legacy histograms to float32; ours keeps float64.
            for (const [k, row] of rows.entries()) {
              for (let j = 0; j < 3; j++) expect(Math.fround(row[j]!)).toBe(Math.fround(want[k]![j]!));
            }
          } else if (series.plugin === 'text') {
            expect(got.value).toEqual(point.value);
          }
        }
      }
    }
  });
});
