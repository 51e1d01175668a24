import { execFile } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inspectLogdir } from '../src/cli/inspect.js';
import { SummaryWriter } from '../src/index.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('gradwatch inspect', () => {
  it('summarises runs and tags, and names damaged and torn files', async () => {
    const dir = tempDir();
    const w = new SummaryWriter(join(dir, 'train'));
    for (let s = 0; s < 5; s++) w.scalar('loss', 1 / (s + 1), s);
    w.histogram('grad', [1, 2, 3], 4);
    await w.close();
    appendFileSync(w.path, Buffer.from([1, 2, 3]));
    const report = await inspectLogdir(dir);
    expect(report.runs.map((r) => r.run)).toEqual(['train']);
    expect(report.runs[0]!.tags).toEqual([
      { tag: 'grad', kind: 'histogram', points: 1, firstStep: 4, lastStep: 4, last: null },
      { tag: 'loss', kind: 'scalar', points: 5, firstStep: 0, lastStep: 4, last: 0.20000000298023224 },
    ]);
    expect(report.truncated).toEqual([{ file: w.path, offset: w.stats.bytesWritten, bytes: 3 }]);
    const { code, stdout } = await cli(['inspect', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('run train: 1 file(s), 7 event(s)');
    expect(stdout).toMatch(/loss\s+scalar\s+5 pts\s+steps 0..4/);
    expect(stdout).toContain(`incomplete tail: ${w.path} at byte ${w.stats.bytesWritten} (3 bytes)`);
  });

  it('exits 2 with a clear message on usage and read errors', async () => {
    const a = await cli(['inspect']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("missing required argument 'logdir'");
    const b = await cli(['inspect', '/nonexistent/logdir']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('cannot read logdir /nonexistent/logdir');
    const c = await cli(['frobnicate']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("unknown command 'frobnicate'");
    const d = await cli(['analyze', '.', '--format', 'yaml']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("option '-f, --format <format>' argument 'yaml' is invalid");
    const e = await cli(['export', '.', '--tag', '(']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('not a valid regular expression');
  });
});
