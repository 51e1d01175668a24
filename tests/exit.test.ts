import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSummaries } from '../src/index.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');

function child(dir: string, how: string, n: number, signal?: NodeJS.Signals) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((done) => {
    const t = Date.now();
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/fixtures/exit-child.ts'), dir, how, String(n)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    p.stdout.on('data', (d: Buffer) => {
      if (signal && d.toString().includes('ready')) p.kill(signal);
    });
    p.on('exit', (code, sig) => done({ code, signal: sig, ms: Date.now() - t }));
  });
}

async function steps(dir: string): Promise<number[]> {
  const out: number[] = [];
  for await (const p of readSummaries(dir)) out.push(p.step);
  return out;
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('nothing buffered is lost when the process ends', () => {
  it('flushes on natural exit, and its timer does not keep the process alive', async () => {
    const dir = tempDir();
    const r = await child(dir, 'natural', 5000);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15_000); // the 600 s flush timer did not hold the process
    expect(await steps(dir)).toEqual(all(5000));
  });

  it('flushes on process.exit()', async () => {
    const dir = tempDir();
    expect((await child(dir, 'exit', 3000)).code).toBe(0);
    expect(await steps(dir)).toEqual(all(3000));
  });

  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`flushes on ${sig} and still ends by that signal`, async () => {
      const dir = tempDir();
      const r = await child(dir, 'wait', 2000, sig);
      expect(r.signal).toBe(sig);
      expect(await steps(dir)).toEqual(all(2000));
    });
  }
});
