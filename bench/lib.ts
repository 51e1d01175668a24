import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '..');
export const PYTHON = join(ROOT, '.venv/bin/python');
export const hasPython = () => existsSync(PYTHON);

export async function py<T>(args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(PYTHON, [join(ROOT, 'bench/py/python_side.py'), ...args], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as T;
}

export async function nodeChild<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(ROOT, script), ...args],
    {
      maxBuffer: 1 << 20,
      cwd: ROOT,
    },
  );
  return JSON.parse(stdout) as T;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

export const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * The generated benchmark logdir of `mb` megabytes (8 scalars per step, 4 histograms every 10 steps),
 * made once by bench/node-side.ts and kept in bench/out/ (a `.complete` marker guards half-made ones).
 */
export async function ensureLogdir(mb: number): Promise<string> {
  const out = join(ROOT, 'bench/out');
  const dir = join(out, `logdir-${mb}mb`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await nodeChild('bench/node-side.ts', ['generate', dir, String(mb)]);
    writeFileSync(join(dir, '.complete'), '');
  }
  return dir;
}
