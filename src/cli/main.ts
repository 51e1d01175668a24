#!/usr/bin/env node
/**
 * The `gradwatch` command:
 *   inspect <logdir>   what a logdir holds, per run and tag, with damaged records
 *   analyze <logdir>   what went wrong and when: trends, alerts, the detector over the logged series
 *   export <logdir>    every point in long form, as CSV or JSON Lines
 *   watch <logdir>     follow a live logdir and print alerts as they appear (= analyze --follow)
 *   serve --logdir <d> the collector: receive event records from pages training in the browser
 * Exit codes: 0 success (analyze: nothing at or above --fail-on), 1 alerts at or above --fail-on,
 * 2 usage or read error, 3 nothing to analyse or export (no event files, no run matching --run, no
 * value matching --tag: a wrong path in CI must not pass as clean).
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { finished } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type AnalysisReport, analyze, type Level } from '../analyze/analyze.js';
import { type ExportFormat, exportLogdir } from '../analyze/export.js';
import { follow } from '../analyze/follow.js';
import { jsonReplacer, renderJson, renderMarkdown, renderText } from '../analyze/format.js';
import { safeJson, safeLines, safeText } from '../analyze/text.js';
import { DEFAULT_COLLECTOR_PORT, startCollector } from '../collector/server.js';
import { alertLine } from '../detect/explain.js';
import { SEVERITY_LEVEL } from '../detect/types.js';
import { inspectLogdir, renderInspection } from './inspect.js';

/** Logdirs smaller than this get no progress bar (it would only flicker). */
const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

function regex(value: string): RegExp {
  try {
    return new RegExp(value);
  } catch (err) {
    throw new InvalidArgumentError(`not a valid regular expression: ${(err as Error).message}`);
  }
}

/** A progress bar on stderr, only on a terminal and only for large logdirs. */
function progress(): { onProgress?: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { stop: () => undefined };
  let bar: SingleBar | null = null;
  return {
    onProgress: (done, total) => {
      if (total < PROGRESS_MIN_BYTES) return;
      if (!bar) {
        bar = new SingleBar({
          stream: process.stderr,
          format: 'reading {bar} {percentage}% | {value}/{total} MB',
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(Math.ceil(total / 1e6), 0);
      }
      bar.update(Math.floor(done / 1e6));
    },
    stop: () => bar?.stop(),
  };
}

/**
 * One line on stderr or stdout. Paths, run and tag names in it come from the logdir or the command
 * line: control characters are shown as escapes, so no name can drive the terminal or fake a line.
 */
function warn(line: string): void {
  process.stderr.write(`${safeText(line)}\n`);
}
function say(line: string): void {
  process.stdout.write(`${safeText(line)}\n`);
}

/** A file-system error as a few words: the code, and what it means for the commonest ones. */
function fsReason(err: NodeJS.ErrnoException): string {
  const meaning: Record<string, string> = {
    ENOENT: 'its directory does not exist',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a component of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
  };
  const m = err.code ? meaning[err.code] : undefined;
  return err.code ? `${err.code}${m ? ` (${m})` : ''}` : err.message;
}

/**
 * Aborted when stdout's reader has gone (`gradwatch analyze runs | head`: EPIPE). Output stops there,
 * and the command ends quietly with the exit code it would have had (watch stops following).
 */
const stdoutClosed = new AbortController();

/** Exit code when a logdir (after --run and --tag) holds nothing to analyse or export. */
const NOTHING_FOUND = 3;

const RANK: Record<Level, number> = { clean: 0, ...SEVERITY_LEVEL };

function exitCodeFor(report: AnalysisReport, failOn: 'warning' | 'error' | 'never'): number {
  if (failOn === 'never') return 0;
  return RANK[report.level] >= RANK[failOn] ? 1 : 0;
}

export function program(): Command {
  // dist/esm/cli/main.js is three levels below package.json; src/cli/main.ts (run with tsx) is two.
  const require = createRequire(import.meta.url);
  const pkg = (() => {
    try {
      return require('../../../package.json');
    } catch {
      return require('../../package.json');
    }
  })() as { version: string };
  const cmd = new Command('gradwatch')
    .description('TensorBoard logs for TensorFlow.js: inspect, analyze and export logdirs')
    .version(pkg.version, '-v, --version')
    .addHelpText(
      'after',
      '\nExit codes: 0 clean, 1 alerts at or above --fail-on, 2 usage or read error,\n' +
        '3 nothing to analyse or export (no event files, or nothing matching --run/--tag).',
    )
    // Commander quotes what was typed (an unknown command, a bad value): shown safely too.
    .configureOutput({ writeErr: (str) => process.stderr.write(safeLines(str.split('\n'))) })
    .showHelpAfterError()
    .exitOverride();
  let code = 0;
  cmd.hook('postAction', () => {
    process.exitCode = code;
  });

  cmd
    .command('inspect')
    .description('list the runs and tags in a logdir: kind, points, step range, last value, damaged files')
    .argument('<logdir>')
    .option('--json', 'print JSON instead of text')
    .action(async (logdir: string, o: { json?: boolean }) => {
      const report = await inspectLogdir(logdir);
      process.stdout.write(o.json ? `${safeJson(report, jsonReplacer, 2)}\n` : renderInspection(report));
    });

  const analyzeCmd = (name: string, description: string, followDefault: boolean) =>
    cmd
      .command(name)
      .description(description)
      .argument('<logdir>')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(['text', 'json', 'markdown'])
          .default('text'),
      )
      .addOption(
        new Option('--fail-on <level>', 'exit 1 if a run has alerts at or above this level')
          .choices(['warning', 'error', 'never'])
          .default('error'),
      )
      .option('--run <glob>', 'only runs whose name matches (* within a path segment, ** across)')
      .option('--tag <regex>', 'only tags matching this regular expression', regex)
      .option(
        '--follow',
        'keep reading the logdir as it grows and print alerts as they appear',
        followDefault,
      )
      .option(
        '--interval <ms>',
        'with --follow: milliseconds between reads',
        (v) => {
          const n = Number(v);
          // A Node timer holds at most 2^31-1 ms; a longer one fires after 1 ms.
          if (!Number.isInteger(n) || n < 50 || n > 2 ** 31 - 1)
            throw new InvalidArgumentError('must be an integer from 50 to 2147483647');
          return n;
        },
        1000,
      )
      .action(
        async (
          logdir: string,
          o: {
            format: string;
            failOn: 'warning' | 'error' | 'never';
            run?: string;
            tag?: RegExp;
            follow: boolean;
            interval: number;
          },
        ) => {
          const filter = { ...(o.run ? { run: o.run } : {}), ...(o.tag ? { tag: o.tag } : {}) };
          if (o.follow) {
            const stop = new AbortController();
            const quit = () => stop.abort();
            process.once('SIGINT', quit);
            process.once('SIGTERM', quit);
            stdoutClosed.signal.addEventListener('abort', quit, { once: true });
            let worst: Level = 'clean';
            warn(`gradwatch: following ${logdir} (Ctrl-C to stop)`);
            await follow(logdir, {
              ...filter,
              intervalMs: o.interval,
              signal: stop.signal,
              onAlert: (run, a) => {
                if (RANK[a.severity] > RANK[worst]) worst = a.severity;
                say(`${run}: ${alertLine(a).replace(/^gradwatch: /, '')}`);
              },
              onProblem: (p) => warn(`damaged record skipped: ${p.file} at byte ${p.offset} (${p.reason})`),
              onNote: (m) => warn(`gradwatch: ${m}`),
              onInvalid: (v) =>
                warn(`bad value skipped: ${v.file} at byte ${v.offset}: ${v.tag}: ${v.reason}`),
            });
            code = o.failOn !== 'never' && RANK[worst] >= RANK[o.failOn] ? 1 : 0;
            return;
          }
          const bar = progress();
          let report: AnalysisReport;
          try {
            report = await analyze(logdir, {
              ...filter,
              ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
            });
          } finally {
            bar.stop();
          }
          const render =
            o.format === 'json' ? renderJson : o.format === 'markdown' ? renderMarkdown : renderText;
          code = exitCodeFor(report, o.failOn);
          if (report.nothingFound) {
            code = NOTHING_FOUND;
            warn(`gradwatch: nothing to analyse: ${report.nothingFound}`);
          }
          process.stdout.write(render(report));
        },
      );
  analyzeCmd(
    'analyze',
    'report what went wrong and when, per run (the detector over the logged series)',
    false,
  );
  analyzeCmd('watch', 'follow a live logdir and print alerts as they appear (analyze --follow)', true);

  cmd
    .command('export')
    .description(
      'write every point in long form (run, tag, kind, step, wall_time, value; histogram buckets as rows)',
    )
    .argument('<logdir>')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--run <glob>', 'only runs whose name matches')
    .option('--tag <regex>', 'only tags matching this regular expression', regex)
    .action(async (logdir: string, o: { format: ExportFormat; out?: string; run?: string; tag?: RegExp }) => {
      // The output is opened before anything is read, so a bad path fails at once, named.
      const file = o.out
        ? await open(o.out, 'w').catch((err: NodeJS.ErrnoException) => {
            throw new Error(`cannot write ${o.out}: ${fsReason(err)}`);
          })
        : undefined;
      const out = file ? file.createWriteStream() : process.stdout;
      // A write error (a full disk) fails the export through exportLogdir; the listener keeps it handled.
      if (file) out.on('error', () => undefined);
      const bar = progress();
      try {
        const r = await exportLogdir(logdir, o.format, out, {
          ...(o.run ? { run: o.run } : {}),
          ...(o.tag ? { tag: o.tag } : {}),
          ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
        });
        for (const c of r.corrupt)
          warn(`damaged record skipped: ${c.file} at byte ${c.offset} (${c.reason})`);
        for (const u of r.unreadable) warn(`unreadable: ${u.path} (${u.error})`);
        for (const v of r.invalid)
          warn(`bad value skipped: ${v.file} at byte ${v.offset}: ${v.tag}: ${v.reason}`);
        if (r.nothingFound) {
          code = NOTHING_FOUND;
          warn(`gradwatch: nothing to export: ${r.nothingFound}`);
        }
        if (file) {
          out.end();
          await finished(out).catch((err: NodeJS.ErrnoException) => {
            throw new Error(`cannot write ${o.out}: ${fsReason(err)}`);
          });
          warn(`gradwatch: wrote ${r.rows} rows to ${o.out}`);
        }
      } catch (err) {
        if (file && (err as NodeJS.ErrnoException).syscall)
          throw new Error(`cannot write ${o.out}: ${fsReason(err as NodeJS.ErrnoException)}`);
        throw err;
      } finally {
        bar.stop();
        if (file) {
          if (!out.writableFinished) out.destroy();
          await file.close().catch(() => undefined);
        }
      }
    });
  addServeCommand(cmd);
  return cmd;
}

/** A byte count: digits, optionally with K/KiB or M/MiB (powers of 1024). */
function byteCount(value: string): number {
  const m = /^(\d+)\s*(k|kib|m|mib)?$/i.exec(value.trim());
  const n = m ? Number(m[1]) * (m[2] ? (m[2].toLowerCase().startsWith('k') ? 1024 : 1024 * 1024) : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('must be a positive number of bytes, e.g. 8388608, 512KiB or 8MiB');
  }
  return n;
}

function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max)
      throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    return n;
  };
}

/**
 * `gradwatch serve`: the collector (src/collector). Pages training with TensorFlow.js POST framed
 * event records to it and it appends them to event files under --logdir, so `tensorboard --logdir`
 * shows the page's runs as they train. Prints its URL and token, logs each refused request on stderr
 * (one line each), and on SIGINT/SIGTERM stops accepting, flushes and closes every event file and
 * exits 0.
 *
 * @example
 * ```sh
 * npx gradwatch serve --logdir runs
 * # gradwatch collector: http://127.0.0.1:6008  token 3f9a...  logdir runs
 * npx gradwatch serve --logdir runs --static dist --allow-origin http://localhost:5173
 * tensorboard --logdir runs
 * ```
 */
function addServeCommand(cmd: Command): void {
  cmd
    .command('serve')
    .description(
      'the collector: receive event records from web pages training with TensorFlow.js and write them to a logdir',
    )
    .requiredOption('--logdir <dir>', 'directory to write the runs under (created if missing)')
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option(
      '--port <port>',
      'port to listen on (0: any free one)',
      integerIn(0, 65535),
      DEFAULT_COLLECTOR_PORT,
    )
    .option('--token <token>', 'the token a POST must carry (default: a random one, printed at start)')
    .option(
      '--allow-origin <origin>',
      'an origin (e.g. http://localhost:5173) whose pages may POST without the token; repeatable',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--max-body <bytes>', 'largest request body, e.g. 8MiB (default 8MiB)', byteCount)
    .option(
      '--max-writers <n>',
      'most event files open at once, one per run and session (default 256)',
      integerIn(1, 1_000_000),
    )
    .option('--static <dir>', 'also serve the files under dir at / (a page and its collector on one origin)')
    .addHelpText(
      'after',
      '\nProtocol v1: POST /v1/runs/<run>/events with header Authorization: Bearer <token> (or ?token=),\n' +
        'optional X-Gradwatch-Session: <id> (or ?session=); the body is whole TFRecord records of\n' +
        'serialized tensorboard Events, checked whole and then written (all or nothing). 200\n' +
        '{"accepted": n, "file": "..."} once flushed; refusals are JSON {"error": "..."}. GET /v1/health.\n' +
        'Ctrl-C (SIGINT) or SIGTERM flushes and closes every event file and exits 0.',
    )
    .action(
      async (o: {
        logdir: string;
        host: string;
        port: number;
        token?: string;
        allowOrigin: string[];
        maxBody?: number;
        maxWriters?: number;
        static?: string;
      }) => {
        const collector = await startCollector({
          logdir: o.logdir,
          host: o.host,
          port: o.port,
          allowOrigins: o.allowOrigin,
          log: warn,
          ...(o.token === undefined ? {} : { token: o.token }),
          ...(o.maxBody === undefined ? {} : { maxBodyBytes: o.maxBody }),
          ...(o.maxWriters === undefined ? {} : { maxWriters: o.maxWriters }),
          ...(o.static === undefined ? {} : { staticDir: o.static }),
        });
        const token = o.token === undefined ? collector.token : '(the one given with --token)';
        say(`gradwatch collector: ${collector.url}  token ${token}  logdir ${o.logdir}`);
        say(
          `point a page at it: POST ${collector.url}/v1/runs/<run>/events with header 'Authorization: Bearer <token>' (or ?token=<token>)` +
            (o.static === undefined
              ? ''
              : `; pages served from ${collector.url}/ (${o.static}) need no token`) +
            `; then: tensorboard --logdir ${o.logdir}`,
        );
        // Kept registered until the end (not `once`): the writers' own exit hooks then leave the
        // signal to this handler instead of ending the process by it. A second signal while the
        // files are flushed ends the process at once.
        let stopping = false;
        let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          onSignal = (sig) => {
            if (!stopping) {
              stopping = true;
              resolve(sig);
              return;
            }
            warn('gradwatch collector: stopped before every event file was closed');
            process.exit(1);
          };
          process.on('SIGINT', onSignal);
          process.on('SIGTERM', onSignal);
        });
        warn(`gradwatch collector: ${signal}: stopping, flushing and closing the event files`);
        try {
          await collector.close();
        } finally {
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
        }
        warn('gradwatch collector: stopped');
      },
    );
}

async function main(argv: string[]): Promise<void> {
  // A closed pipe is reported as an 'error' event, not by write(): without a listener it would crash
  // the process with a stack and exit 1, which means "alerts found".
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') {
      warn(`gradwatch: cannot write to stdout: ${fsReason(err)}`);
      process.exitCode = 2;
    }
    stdoutClosed.abort();
  });
  process.stderr.on('error', () => undefined);
  // Last resort: whatever escaped the commands' own handling is one line and exit 2, never a stack.
  const crash = (err: unknown) => {
    warn(`gradwatch: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    await program().parseAsync(argv, { from: 'user' });
  } catch (err) {
    // Output closed early (`gradwatch export ... | head`): nothing more to say.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return;
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    warn(`gradwatch: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  }
}

await main(process.argv.slice(2));
