// Builds the example page into examples/browser/dist (or the folder given): page.ts bundled with
// esbuild as a user's bundler would see gradwatch (the package's "browser" export condition, from
// dist/, built first if missing or older than src/), index.html, and tfjs' wasm binaries.
// Usage: node examples/browser/build.mjs [outdir]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const out = resolve(process.argv[2] ?? join(here, 'dist'));

/** The newest modification time under a folder. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const built = join(repo, 'dist/esm/browser.js');
if (!existsSync(built) || statSync(built).mtimeMs < newest(join(repo, 'src'))) {
  execFileSync(process.execPath, [join(repo, 'scripts/build.mjs')], { stdio: 'inherit' });
}

// `import ... from 'gradwatch'` resolves as from an installed package: node_modules/gradwatch -> repo.
const link = join(here, 'node_modules/gradwatch');
if (!existsSync(link)) {
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(repo, link, 'dir');
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: [join(here, 'page.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outfile: join(out, 'page.js'),
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  // Not examples/browser/tsconfig.json: its `paths` (for type-checking) would send 'gradwatch' to src/.
  tsconfigRaw: {},
});
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
const wasm = join(repo, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
for (const f of readdirSync(wasm).filter((f) => f.endsWith('.wasm')))
  copyFileSync(join(wasm, f), join(out, f));
const nodeInputs = Object.keys(result.metafile.inputs).filter((i) => i.startsWith('node:'));
if (nodeInputs.length > 0) throw new Error(`the page bundle pulls in Node modules: ${nodeInputs.join(', ')}`);
console.log(`built ${out}`);
