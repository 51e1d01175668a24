/**
 * analyze's report says what it measured and nothing it did not (issue 14 #5): per-variable series
 * are never counted as layers (also when a tag filter hid the tags that tell them apart), a layer
 * gradwatch wrote as `global_` is named `global`, a 99.6% fall is not "100%", the trend figure says
 * it compares medians, a run with metrics only gets one line about the gradient rules, and a run
 * that holds only run records (layout, hparams) is no row of dashes in the markdown table.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { renderMarkdown, renderText, rulesLine } from '../src/analyze/format.js';
import { SummaryWriter } from '../src/summary/writer.js';
import { tempDir } from './helpers.js';

async function logdir(): Promise<string> {
  const dir = tempDir();
  const root = new SummaryWriter(dir);
  root.customScalars({
    categories: [{ title: 'gradwatch', charts: [{ title: 'norms', multiline: ['grad_norm/'] }] }],
  });
  await root.close();
  const train = new SummaryWriter(join(dir, 'train'));
  for (let step = 1; step <= 100; step++) {
    // The loss falls from 1 to 0.004: down 99.6%.
    const loss = step <= 10 ? 1 : step > 90 ? 0.004 : 1 - (0.996 * (step - 10)) / 80;
    train.scalars(
      [
        ['batch_loss', loss],
        ['grad_norm/global', 1],
        ['grad_norm/d1', 0.8],
        ['grad_norm/d1/kernel', 0.7],
        ['grad_norm/d1/bias', 0.3],
        ['grad_norm/global_', 0.6],
        ['grad_norm/global_/kernel', 0.6],
        ['grad_max/d1/kernel', 0.1],
      ],
      step,
    );
  }
  await train.close();
  const val = new SummaryWriter(join(dir, 'val'));
  for (let epoch = 1; epoch <= 5; epoch++) val.scalar('epoch_loss', 1 / epoch, epoch);
  await val.close();
  return dir;
}

describe('analyze output that does not mislead', () => {
  it('counts layers only as layers, with or without a tag filter, and names global_ as global', async () => {
    const dir = await logdir();
    for (const tag of [undefined, /^(batch_loss|grad_norm\/)/]) {
      const r = await analyze(dir, tag ? { tag } : {});
      const train = r.runs.find((x) => x.run === 'train')!;
      expect(train.gradients?.topLayers.map((l) => l.layer).sort(), String(tag)).toEqual(['d1', 'global']);
    }
  });

  it('says a 99.6% fall as 99.6%, and what the trend figure compares', async () => {
    const r = await analyze(await logdir());
    const train = r.runs.find((x) => x.run === 'train')!;
    expect(train.verdict).toContain('loss down 99.6%');
    expect(renderText(r)).toContain('(last tenth x0.004 the first, medians)');
  });

  it('gives a metrics-only run one line on the gradient rules, and run records no table row', async () => {
    const r = await analyze(await logdir());
    const val = r.runs.find((x) => x.run === 'val')!;
    expect(rulesLine(val)).toMatch(/no gradient statistics in this run/);
    expect(rulesLine(val)).not.toMatch(/not run/);
    const md = renderMarkdown(r);
    expect(md).not.toMatch(/^\| <code>\\?\.<\/code>/m);
    expect(md).toContain('Run records only (layouts, hparams; nothing to chart): `.`.');
  });
});
