/**
 * Post-hoc analysis from code: load a logdir's series, run the analysis, print its markdown report.
 * The same as `npx gradwatch analyze <logdir> --format markdown`.
 *
 *   npm run example:analyze -- <logdir>     (default: ./runs)
 */
// In your own project: import { analyze, loadLogdir, renderMarkdown } from 'gradwatch';
import { analyze, loadLogdir, renderMarkdown } from '../src/index.js';

const logdir = process.argv[2] ?? 'runs';
const loaded = await loadLogdir(logdir, { tag: /^(batch_loss|epoch_loss|grad_norm\/global)$/ });
for (const run of loaded.runs) {
  for (const [tag, s] of run.scalars) {
    const last = s.values.at(-1);
    console.log(`${run.name} ${tag}: ${s.steps.length} points, last ${last} at step ${s.steps.at(-1)}`);
  }
}
const report = await analyze(logdir);
console.log(`\n${renderMarkdown(report)}`);
process.exitCode = report.level === 'error' ? 1 : 0;
