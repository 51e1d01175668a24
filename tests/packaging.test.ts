/**
 * The package as a user installs it: `npm pack`, installed into a throwaway project next to
 * @tensorflow/tfjs, trains a model with the callback from the installed copy; then, with
 * @tensorflow/tfjs-node added (install scripts off: its native download cannot run here), the tree
 * still holds exactly one copy of tfjs-core and tfjs-layers, so instanceof checks keep working.
 * Installed from a git URL (npm runs `prepare`, which builds dist/) and from a clone
 * (`--install-links`: a copy, not a symlink into the clone's own node_modules), the library imports,
 * the bin runs and there is one tfjs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSummaries } from '../src/index.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

/** Every installed copy of `pkg` (a directory node_modules/<pkg> with a package.json) under `dir`. */
function copies(dir: string, pkg: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = join(d, e.name);
      if (p.endsWith(join('node_modules', pkg)) && existsSync(join(p, 'package.json'))) found.push(p);
      walk(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

describe('installed from the packed tarball', () => {
  it('trains with the callback, and shares one tfjs-core/-layers with tfjs-node', {
    timeout: 600_000,
  }, async () => {
    const work = tempDir('gradwatch-pack-');
    const tarball = npm(['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!;
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: {} }, null, 2),
    );
    npm(
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        join(work, tarball),
        '@tensorflow/tfjs@4.22.0',
      ],
      app,
    );
    writeFileSync(
      join(app, 'train.mjs'),
      `import * as tf from '@tensorflow/tfjs';
import { tensorBoard } from 'gradwatch';
await tf.setBackend('cpu');
const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }), tf.layers.dense({ units: 1 })] });
model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
const cb = tensorBoard(process.argv[2], { updateFreq: 'batch' });
await model.fit(tf.ones([16, 3]), tf.ones([16, 1]), { epochs: 2, batchSize: 4, callbacks: [cb], verbose: 0 });
await cb.close();
console.log('trained');
`,
    );
    const logdir = join(work, 'logs');
    expect(execFileSync(process.execPath, ['train.mjs', logdir], { cwd: app, encoding: 'utf8' })).toContain(
      'trained',
    );
    const steps: number[] = [];
    for await (const p of readSummaries(logdir)) {
      if (p.run === 'train' && p.value.tag === 'grad_norm/global') steps.push(p.step);
    }
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Only the library's own files ship: no tfjs copy inside gradwatch.
    expect(copies(join(app, 'node_modules', 'gradwatch'), '@tensorflow/tfjs-core')).toEqual([]);

    npm(
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--ignore-scripts',
        '@tensorflow/tfjs-node@4.22.0',
      ],
      app,
    );
    expect(copies(app, '@tensorflow/tfjs-core')).toHaveLength(1);
    expect(copies(app, '@tensorflow/tfjs-layers')).toHaveLength(1);
  });

  for (const [how, spec] of [
    ['a git URL', `git+file://${ROOT}`],
    ['a clone (--install-links)', ROOT],
  ] as const) {
    it(`installs from ${how}: built, importable, with a working bin and one tfjs`, {
      timeout: 600_000,
    }, () => {
      const app = join(tempDir('gradwatch-install-'), 'app');
      execFileSync('mkdir', ['-p', app]);
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: {} }, null, 2),
      );
      npm(
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          ...(how.startsWith('a clone') ? ['--install-links'] : []),
          spec,
          '@tensorflow/tfjs@4.22.0',
        ],
        app,
      );
      const pkg = join(app, 'node_modules', 'gradwatch');
      expect(existsSync(join(pkg, 'dist', 'esm', 'index.js'))).toBe(true);
      const out = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const m = await import('gradwatch'); console.log(typeof m.tensorBoard);",
        ],
        { cwd: app, encoding: 'utf8' },
      );
      expect(out.trim()).toBe('function');
      expect(npm(['exec', '--', 'gradwatch', '--version'], app).trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(copies(app, '@tensorflow/tfjs-core')).toHaveLength(1);
    });
  }
});
