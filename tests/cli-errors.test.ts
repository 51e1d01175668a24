/**
 * The CLI's failures: one line naming the bad thing and the documented exit code, never a stack;
 * an output closed early (`| head`) ends the command quietly with the code it would have had.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { exportLogdir } from '../src/analyze/export.js';
import { type FollowOptions, follow } from '../src/analyze/follow.js';
import { inspectLogdir } from '../src/cli/inspect.js';
import { cli, exited, scalarEvent, spawnCli, writeEvents } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

/** A stack trace's frame lines, which no failure may print. */
const STACK = /^\s+at /m;

async function smallLogdir(): Promise<string> {
  const dir = tempDir();
  await writeEvents(
    join(dir, 'train'),
    Array.from({ length: 30 }, (_, s) => scalarEvent(s + 1, [['batch_loss', 1 / (s + 1)]])),
  );
  return dir;
}

async function divergedLogdir(): Promise<string> {
  const dir = tempDir();
  await writeEvents(
    join(dir, 'train'),
    Array.from({ length: 30 }, (_, s) =>
      scalarEvent(s + 1, [
        ['batch_loss', s >= 25 ? Number.NaN : 1 / (s + 1)],
        ['grad_norm', s === 20 ? 100 : 1 + 0.05 * Math.sin(s)],
      ]),
    ),
  );
  return dir;
}

/** Runs the CLI with its stdout already closed by the reader (`gradwatch ... | head` after head exits). */
async function closedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawnCli(args);
  child.stdout.destroy();
  return exited(child);
}

describe('an output closed early (| head)', () => {
  it('ends quietly with the exit code the command would have had (issue 13 #13)', async () => {
    const clean = await smallLogdir();
    const diverged = await divergedLogdir();
    const runs = await Promise.all([
      closedStdout(['analyze', clean]),
      closedStdout(['analyze', diverged]),
      closedStdout(['analyze', diverged, '--fail-on', 'never']),
      closedStdout(['analyze', diverged, '--format', 'json']),
      closedStdout(['inspect', diverged]),
      closedStdout(['export', diverged]),
      closedStdout(['watch', diverged, '--interval', '50', '--fail-on', 'warning']),
      closedStdout(['watch', diverged, '--interval', '50', '--fail-on', 'never']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 0, 1, 0, 0, 1, 0]);
    for (const r of runs) {
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toMatch(/EPIPE|Error/);
    }
  });
});

describe('nothing to analyse', () => {
  it('says so and exits 3, whatever --fail-on says, for an empty logdir or filters that match nothing (issue 13 #15)', async () => {
    const empty = tempDir();
    const dir = await smallLogdir();
    const cases: Array<[string[], RegExp]> = [
      [['analyze', empty], /no event files under /],
      [['analyze', empty, '--fail-on', 'warning'], /no event files under /],
      [['analyze', empty, '--format', 'markdown', '--fail-on', 'never'], /no event files under /],
      [['analyze', dir, '--run', 'nomatch/*'], /no run matches 'nomatch\/\*' \(1 run found: train\)/],
      [['analyze', dir, '--tag', '^nomatch$'], /no tag matches \/\^nomatch\$\/ in 1 run/],
      [['export', empty], /no event files under /],
      [['export', dir, '--run', 'x'], /no run matches 'x'/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args)));
    results.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect({ args, code: r.code }).toEqual({ args, code: 3 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      if (args[0] === 'analyze') {
        expect(r.stdout).not.toMatch(/overall: OK|✅/);
        expect(r.stdout).toMatch(/NOTHING FOUND/);
      }
    });
    const json = await cli(['analyze', empty, '--format', 'json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).nothingFound).toMatch(/no event files under /);
  });
});

describe('export -o', () => {
  it('names an output in a missing directory, or a directory, in one line and exits 2 (issue 13 #14)', async () => {
    const dir = await smallLogdir();
    const missing = join(dir, 'no', 'such', 'out.csv');
    const a = await cli(['export', dir, '-o', missing]);
    expect(a.code).toBe(2);
    expect(a.stderr).not.toMatch(STACK);
    expect(a.stderr.trim().split('\n')).toEqual([expect.stringContaining(missing)]);
    expect(a.stderr).toMatch(/ENOENT|does not exist/);
    expect(existsSync(missing)).toBe(false);
    const b = await cli(['export', dir, '-o', dir]);
    expect(b.code).toBe(2);
    expect(b.stderr).not.toMatch(STACK);
    expect(b.stderr.trim().split('\n')).toEqual([expect.stringContaining(dir)]);
    expect(b.stderr).toMatch(/EISDIR|is a directory/);
  });
});

describe('errors name the bad thing (issue 13 #29)', () => {
  it('in the library: a bad logdir, filter, callback or output is named with what was given', async () => {
    const dir = await smallLogdir();
    const cases: Array<[() => Promise<unknown>, RegExp]> = [
      [() => analyze(123 as unknown as string), /logdir must be a non-empty path, got 123/],
      [() => analyze(''), /logdir must be a non-empty path, got ""/],
      [() => inspectLogdir('a\0b'), /logdir must be a non-empty path.*NUL/],
      [() => analyze(dir, { tag: 5 as unknown as RegExp }), /tag must be a RegExp or a string, got 5/],
      [() => analyze(dir, { tag: '(' as unknown as RegExp }), /tag '\(' is not a valid regular expression/],
      [() => analyze(dir, { run: 5 as unknown as string }), /run must be a glob string, got 5/],
      [
        () => analyze(dir, { onProgress: 5 as unknown as () => void }),
        /onProgress must be a function, got 5/,
      ],
      [
        () => exportLogdir(dir, 'csv', null as unknown as PassThrough),
        /out must be a writable stream, got null/,
      ],
      [
        () => follow(dir, { intervalMs: -1, onAlert: () => undefined }),
        /intervalMs must be a number of milliseconds from 1 to 2147483647, got -1/,
      ],
      [() => follow(dir, {} as unknown as FollowOptions), /onAlert must be a function, got undefined/],
    ];
    for (const [f, message] of cases) await expect(f()).rejects.toThrow(message);
    // A string tag is a regular expression.
    expect((await analyze(dir, { tag: 'batch_loss' as unknown as RegExp })).runs[0]!.loss?.points).toBe(30);
  });

  it('in the CLI: an --interval beyond what a timer holds is refused, naming the option', async () => {
    const dir = await smallLogdir();
    const r = await cli(['watch', dir, '--interval', '1e100'], 10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--interval <ms>' argument '1e100' is invalid");
    expect(r.stderr).toContain('an integer from 50 to 2147483647');
  });

  it('in the CLI: one line naming the path, exit 2, for a logdir that is a file', async () => {
    const dir = await smallLogdir();
    const file = join(dir, 'train', 'events.out.tfevents.1.test');
    for (const command of ['analyze', 'inspect', 'export', 'watch']) {
      const r = await cli([command, file]);
      expect({ command, code: r.code }).toEqual({ command, code: 2 });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim().split('\n').at(-1)).toBe(`gradwatch: logdir ${file} is not a directory`);
    }
  });
});
