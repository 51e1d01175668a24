/**
 * exportLogdir() on hostile logdirs: non-finite wall times written like non-finite values, text cells
 * that a spreadsheet would run as formulas, steps beyond 2^53 kept exact.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportLogdir } from '../src/analyze/export.js';
import { scalarEvent, writeEvents } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

async function exported(dir: string, format: 'csv' | 'jsonl'): Promise<string> {
  const chunks: string[] = [];
  const out = new PassThrough().on('data', (d: Buffer) => chunks.push(d.toString()));
  await exportLogdir(dir, format, out);
  return chunks.join('');
}

describe('export', () => {
  it('writes non-finite wall times as it writes non-finite values (issue 13 #27)', async () => {
    const dir = tempDir();
    await writeEvents(join(dir, 'run'), [
      scalarEvent(1, [['loss', Number.NaN]], Number.NaN),
      scalarEvent(2, [['loss', Number.POSITIVE_INFINITY]], Number.POSITIVE_INFINITY),
      scalarEvent(3, [['loss', Number.NEGATIVE_INFINITY]], Number.NEGATIVE_INFINITY),
    ]);
    const csv = (await exported(dir, 'csv')).trim().split('\n').slice(1);
    expect(csv).toEqual([
      'run,loss,scalar,1,nan,nan,,,',
      'run,loss,scalar,2,inf,inf,,,',
      'run,loss,scalar,3,-inf,-inf,,,',
    ]);
    const jsonl = (await exported(dir, 'jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { wall_time: unknown; value: unknown });
    expect(jsonl.map((r) => [r.wall_time, r.value])).toEqual([
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
      ['-Infinity', '-Infinity'],
    ]);
  });

  it('keeps spreadsheets from running run names, tags and texts as formulas (issue 13 #18)', async () => {
    const dir = tempDir();
    const hostile = ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    await writeEvents(join(dir, '=cmd|calc'), [
      scalarEvent(
        1,
        hostile.map((t) => [t, -1]),
      ),
      {
        wallTime: 1,
        step: 1,
        summary: {
          value: [
            {
              tag: 'note',
              metadata: { pluginData: { pluginName: 'text' } },
              tensor: { dtype: 7, stringVal: [Buffer.from('=1+1')] },
            },
          ],
        },
      },
    ]);
    const csv = await exported(dir, 'csv');
    // Every text cell that starts with = + - @ tab or CR is prefixed with ' (and quoted if needed).
    const cells = parseCsv(csv).slice(1);
    expect(cells.map((r) => r[0])).toEqual(Array(7).fill("'=cmd|calc"));
    expect(cells.map((r) => r[1])).toEqual([...hostile.map((t) => `'${t}`), 'note']);
    expect(cells[6]![8]).toBe("'=1+1");
    // Numbers stay numbers: a negative value is not a text cell.
    expect(cells.slice(0, 6).map((r) => r[5])).toEqual(Array(6).fill('-1'));
  });
  it('keeps the value column numeric: texts have their own column (issue 14 #6)', async () => {
    const dir = tempDir();
    await writeEvents(join(dir, 'run'), [
      scalarEvent(1, [['grad_norm/global', 0.5]], 1),
      {
        wallTime: 2,
        step: 2,
        summary: {
          value: [
            {
              tag: 'alerts/explanation',
              metadata: { pluginData: { pluginName: 'text' } },
              tensor: { dtype: 7, stringVal: [Buffer.from('### Gradient norm spike, 12.5x')] },
            },
          ],
        },
      },
      scalarEvent(3, [['grad_norm/global', 2]], 3),
    ]);
    const rows = parseCsv(await exported(dir, 'csv'));
    expect(rows[0]).toEqual([
      'run',
      'tag',
      'kind',
      'step',
      'wall_time',
      'value',
      'bucket_left',
      'bucket_right',
      'text',
    ]);
    // What pandas needs to read `value` as floats: every cell a number or empty.
    for (const r of rows.slice(1))
      expect(r[5] === '' || Number.isFinite(Number(r[5])), r.join(',')).toBe(true);
    expect(rows.slice(1).map((r) => [r[2], r[5], r[8]])).toEqual([
      ['scalar', '0.5', ''],
      ['text', '', '### Gradient norm spike, 12.5x'],
      ['scalar', '2', ''],
    ]);
    const jsonl = (await exported(dir, 'jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jsonl[1]).toMatchObject({ kind: 'text', text: '### Gradient norm spike, 12.5x' });
    expect(jsonl[1].value).toBeUndefined();
  });
});

/** A small RFC 4180 parser (quoted cells, doubled quotes, embedded newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}
