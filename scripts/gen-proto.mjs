// Regenerates the protobufjs static code in src/proto/ from proto/*.proto.
// Output is committed; `npm run gen:proto` must leave `git diff` empty (a test checks this).
// The .d.ts is produced from a commented pass (pbts reads JSDoc); the shipped .js is the compact pass.
// Usage: node scripts/gen-proto.mjs [--wrap esm|commonjs] [--out path/generated.js]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    wrap: { type: 'string', default: 'esm' },
    out: { type: 'string', default: join(root, 'src/proto/generated.js') },
  },
});

const protoDir = join(root, 'proto');
const protos = readdirSync(protoDir)
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, f));

const pbjs = join(root, 'node_modules/.bin/pbjs');
const common = [
  '-t',
  'static-module',
  '-w',
  values.wrap,
  '-p',
  protoDir,
  '--no-verify',
  '--no-delimited',
  '--no-typeurl',
  '--no-convert',
];
if (values.wrap === 'esm') common.push('--dependency', 'protobufjs/minimal.js');
const run = (extra, out) =>
  execFileSync(pbjs, [...common, ...extra, '-o', out, ...protos], { stdio: 'inherit', cwd: root });

run(['--no-comments', '--no-beautify'], values.out);
if (values.wrap === 'esm') {
  const tmp = mkdtempSync(join(tmpdir(), 'gradwatch-proto-'));
  try {
    run(['-d'], join(tmp, 'generated.js'));
    renameSync(join(tmp, 'generated.d.ts'), values.out.replace(/\.js$/, '.d.ts'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(`wrote ${values.out}`);
