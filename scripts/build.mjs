// Builds dist/esm (ES modules) and dist/cjs (CommonJS) with declarations from src/.
// The protobufjs code is generated again for CommonJS rather than transpiled, so both builds load
// the same schema in their own module format.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules/.bin/tsc');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root });

rmSync(join(root, 'dist'), { recursive: true, force: true });

run(tsc, ['-p', 'tsconfig.build.json']);
for (const f of ['generated.js', 'generated.d.ts']) {
  copyFileSync(join(root, 'src/proto', f), join(root, 'dist/esm/proto', f));
}

run(tsc, ['-p', 'tsconfig.cjs.json']);
mkdirSync(join(root, 'dist/cjs/proto'), { recursive: true });
writeFileSync(join(root, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
run(process.execPath, [
  'scripts/gen-proto.mjs',
  '--wrap',
  'commonjs',
  '--out',
  join(root, 'dist/cjs/proto/generated.js'),
]);
copyFileSync(join(root, 'src/proto/generated.d.ts'), join(root, 'dist/cjs/proto/generated.d.ts'));
console.log('built dist/esm and dist/cjs');
