/**
 * Run and tag names are data, never markup or terminal control: names holding newlines, escape
 * sequences, backticks, HTML, links and table pipes are printed as written in the text output of
 * analyze, inspect and watch (no spoofed lines, no colours), and in analyze's markdown (no headings,
 * images, links or broken tables), and round-trip in JSON.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { cli, exited, scalarEvent, spawnCli, writeEvents } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

const SPOOF_RUN = 'evil\u001b[31m\n  verdict: OK healthy: no alerts\u001b[0m';
const SPOOF_TAG = 'x\n  verdict: OK healthy: no alerts\r\u009b2J\u202e\n  y/loss';
const MD_RUN = 'b` <img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** | cell \\| ``';
const MD_TAG =
  'x ![img](https://evil.example/x.png) <script>alert(1)</script> www.evil.example https://evil.example a@evil.example\n# Injected heading\n/loss';

/** Two diverging runs with hostile names; the second also has a grad spike (an alert to list). */
async function hostileLogdir(): Promise<string> {
  const dir = tempDir();
  for (const [run, tag] of [
    [SPOOF_RUN, SPOOF_TAG],
    [MD_RUN, MD_TAG],
  ] as const) {
    await writeEvents(
      join(dir, run),
      Array.from({ length: 40 }, (_, i) =>
        scalarEvent(i + 1, [
          [tag, i + 1 >= 35 ? Number.NaN : 1 / (i + 1)],
          ['grad_norm', i + 1 === 30 ? 80 : 1 + 0.05 * Math.sin(i)],
        ]),
      ),
    );
  }
  // A damaged record in the spoofing run's file: its path is printed too.
  appendFileSync(join(dir, SPOOF_RUN, 'events.out.tfevents.1.test'), Buffer.alloc(40, 0xff));
  return dir;
}

/** No terminal control: no C0 but the line breaks, no DEL, no C1, no bidi override. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile names in text output (issue 13 #17)', () => {
  it('analyze, inspect and export print control characters as escapes: no spoofed verdict, no escape sequences', async () => {
    const dir = await hostileLogdir();
    const a = await cli(['analyze', dir]);
    expect(a.code).toBe(1);
    expect(a.stdout).not.toMatch(CONTROL);
    const verdicts = a.stdout.split('\n').filter((l) => /^\s*verdict:/.test(l));
    expect(verdicts).toHaveLength(2);
    for (const v of verdicts) expect(v).toMatch(/^ {2}verdict: ERROR /);
    expect(a.stdout).toContain('run evil\\x1b[31m\\n  verdict: OK healthy: no alerts\\x1b[0m');
    expect(a.stdout).toContain('x\\n  verdict: OK healthy: no alerts\\r\\x9b2J\\u202e\\n  y/loss');

    const i = await cli(['inspect', dir]);
    expect(i.code).toBe(0);
    expect(i.stdout).not.toMatch(CONTROL);
    expect(i.stdout.split('\n').filter((l) => /^\s*verdict:/.test(l))).toEqual([]);

    const e = await cli(['export', dir, '-o', join(tempDir(), 'out.csv')]);
    expect(e.stderr).toContain('damaged record skipped: ');
    expect(e.stderr).not.toMatch(CONTROL);

    const bad = await cli(['analyze', join(dir, 'missing\u001b[2J\nverdict: OK')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(CONTROL);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);

    // JSON escapes them, and the names round-trip.
    const j = await cli(['analyze', dir, '--format', 'json']);
    expect(j.stdout).not.toMatch(CONTROL);
    const report = JSON.parse(j.stdout) as { runs: Array<{ run: string; loss: { tag: string } }> };
    expect(report.runs.map((r) => [r.run, r.loss.tag]).sort()).toEqual(
      [
        [SPOOF_RUN, SPOOF_TAG],
        [MD_RUN, MD_TAG],
      ].sort(),
    );
  });

  it('watch prints alert lines without control characters', async () => {
    const dir = await hostileLogdir();
    const child = spawnCli(['watch', dir, '--interval', '50']);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const result = exited(child);
    const deadline = Date.now() + 10_000;
    while ((stdout.match(/grad_spike/g) ?? []).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const { stderr } = await result;
    expect(stdout).toContain('evil\\x1b[31m\\n  verdict: OK healthy: no alerts\\x1b[0m: ');
    expect(stdout).not.toMatch(CONTROL);
    expect(stderr).not.toMatch(CONTROL);
  });
});

describe('hostile names in markdown (issue 13 #16)', () => {
  it('render as written: no injected headings, images, links, HTML or table cells', async () => {
    const dir = await hostileLogdir();
    const m = await cli(['analyze', dir, '--format', 'markdown']);
    expect(m.code).toBe(1);
    expect(m.stdout).not.toMatch(CONTROL);
    // GitHub renders raw HTML it allows and autolinks bare URLs: so does this renderer.
    const html = new MarkdownIt({ html: true, linkify: true }).render(m.stdout);
    expect(html).not.toMatch(/<img|<script|<a |<h1|<strong>bold/);
    expect(html.match(/<h2>/g)).toHaveLength(1);
    // A section per run with alerts, and the read problems (the damaged record).
    expect(html.match(/<h3>/g)).toHaveLength(3);
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html.match(/<tr>/g)).toHaveLength(3);
    for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g)!) expect(row.match(/<t[dh][ >]/g)).toHaveLength(6);
    // The names are there, as written (control characters as escapes).
    const text = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(html).toContain(`<code>${text(MD_RUN)}</code>`);
    expect(html).toContain(text(MD_TAG.replace(/\n/g, '\\n')));
  });
});
