/**
 * The package as users get it: the build's ESM and CommonJS entry points, the bin, and the generated
 * protobuf code being exactly what `npm run gen:proto` produces from proto/*.proto.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const node = (args: string[], input?: string) =>
  execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', ...(input ? { input } : {}) });

describe('package', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  it('declares typed exports for import and require, a bin and Node >= 20', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('gradwatch');
    expect(pkg.exports['.'].import.types).toBe('./dist/esm/index.d.ts');
    expect(pkg.exports['.'].require.types).toBe('./dist/cjs/index.d.ts');
    // Bundlers for the browser take the browser entry, whose default destination is browser storage.
    expect(pkg.exports['.'].browser.default).toBe('./dist/esm/browser.js');
    expect(pkg.browser).toEqual({
      './dist/esm/platform/default.js': './dist/esm/platform/default.browser.js',
    });
    expect(pkg.bin.gradwatch).toBe('./dist/esm/cli/main.js');
    expect(pkg.engines.node).toBe('>=20');
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual([
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-layers',
    ]);
    expect(Object.keys(pkg.dependencies)).toEqual(['cli-progress', 'commander', 'fflate', 'protobufjs']);
  });

  it('writes a readable event file from ESM and from CommonJS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradwatch-pkg-'));
    try {
      const esm = `import { SummaryWriter, readSummaries } from 'gradwatch';
        const w = new SummaryWriter(${JSON.stringify(join(dir, 'esm'))});
        w.scalar('x', 1.5, 3); await w.close();
        for await (const p of readSummaries(${JSON.stringify(join(dir, 'esm'))})) console.log(p.value.kind, p.value.value, p.step);`;
      expect(node(['--input-type=module', '-e', esm]).trim()).toBe('scalar 1.5 3');
      const cjs = `const { SummaryWriter, readSummaries } = require('gradwatch');
        (async () => { const w = new SummaryWriter(${JSON.stringify(join(dir, 'cjs'))});
        w.histogram('h', [1, 2, NaN], 0, 2); await w.close();
        for await (const p of readSummaries(${JSON.stringify(join(dir, 'cjs'))})) console.log(p.value.kind, p.value.buckets.length / 3); })();`;
      expect(node(['-e', cjs]).trim()).toBe('histogram 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a working bin', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(node(['dist/esm/cli/main.js', '--version']).trim()).toBe(pkg.version);
    expect(node(['dist/esm/cli/main.js', '--help'])).toContain('Usage: gradwatch');
  });

  it('ships generated protobuf code identical to a fresh `npm run gen:proto`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradwatch-gen-'));
    try {
      node(['scripts/gen-proto.mjs', '--out', join(dir, 'generated.js')]);
      for (const f of ['generated.js', 'generated.d.ts']) {
        expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'src/proto', f), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
