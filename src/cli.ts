#!/usr/bin/env node
/**
 * The `gradwatch` command. Commands: `inspect <logdir>` (what is in a logdir, per run and tag, with any
 * damaged records), `--version`, `--help`. Exit codes: 0 success, 2 usage or read error.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { inspectLogdir, renderInspection } from './inspect.js';

const USAGE = `Usage: gradwatch <command> [options]

Commands:
  inspect <logdir>   List the runs and tags in a TensorBoard logdir: kind, point count, step
                     range, last value; damaged or truncated event files with byte offsets.
                     --json   print JSON instead of text

Options:
  -h, --help         Show this help
  -v, --version      Show the version
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      json: { type: 'boolean' },
    },
  });
  if (values.version) {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'inspect') {
    if (rest.length !== 1) {
      process.stderr.write(`gradwatch inspect: expected one logdir, got ${rest.length}\n\n${USAGE}`);
      return 2;
    }
    const report = await inspectLogdir(rest[0]!);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderInspection(report));
    return 0;
  }
  process.stderr.write(`gradwatch: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gradwatch: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
