/**
 * The analysis report as text (for a terminal; sparklines, no colour needed), markdown (a CI summary
 * or a pull-request comment) or JSON.
 */
import { fmt } from '../detect/blame.js';
import { ruleTitle } from '../detect/explain.js';
import type { AnalysisReport, RunReport, SeriesTrend } from './analyze.js';
import { mdCode, mdCodeCell, mdText, safeJson, safeLines } from './text.js';

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline; log scale when the finite values span more than 100x (explosions do). Non-finite: ×. */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return '×'.repeat(values.length);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const log = lo > 0 && hi / lo > 100;
  const f = (x: number) => (log ? Math.log10(x) : x);
  const [a, b] = [f(lo), f(hi)];
  return values
    .map((x) => {
      if (!Number.isFinite(x)) return '×';
      if (b === a) return BARS[3];
      return BARS[Math.min(7, Math.floor(((f(x) - a) / (b - a)) * 8))];
    })
    .join('');
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

function series(label: string, t: SeriesTrend): string {
  // Medians of the last and the first tenth: robust to one noisy end point, and said so.
  const change = Number.isFinite(t.change) ? ` (last tenth x${fmt(t.change)} the first, medians)` : '';
  const nf = t.firstNonFinite === undefined ? '' : `, non-finite from ${t.axis} ${t.firstNonFinite}`;
  return `${label} [${t.tag}]  ${fmt(t.first)} -> ${fmt(t.last)}  ${sparkline(t.spark)}  min ${fmt(t.min)}, max ${fmt(t.max)}${change}${nf}`;
}

const LEVEL_WORD = { clean: 'OK', warning: 'WARNING', error: 'ERROR' } as const;

export function renderText(r: AnalysisReport): string {
  const out: string[] = [
    `gradwatch analyze ${r.logdir}: ${r.runs.length} run${r.runs.length === 1 ? '' : 's'}, ${(r.bytes / 1e6).toFixed(1)} MB`,
  ];
  for (const run of r.runs) out.push('', ...runText(run));
  out.push('', ...problemsText(r));
  out.push(r.nothingFound ? `overall: NOTHING FOUND: ${r.nothingFound}` : `overall: ${LEVEL_WORD[r.level]}`);
  // Each line is made safe as a whole: no name in it can start a line of its own or drive the terminal.
  return `${safeLines(out)}\n`;
}

/** "steps 0-799, epochs 1-5": the span on each axis present. */
function spanText(run: RunReport): string {
  const parts: string[] = [];
  if (run.steps) parts.push(`steps ${run.steps.first}-${run.steps.last}`);
  if (run.epochs) parts.push(`epochs ${run.epochs.first}-${run.epochs.last}`);
  return parts.join(', ');
}

function runText(run: RunReport): string[] {
  const lines = [`run ${run.run}`];
  const span = spanText(run) || 'no summaries';
  const time = run.wallTime ? `, ${duration(run.wallTime.last - run.wallTime.first)}` : '';
  const t = run.tags;
  if (t.scalars + t.histograms + t.texts === 0) {
    lines.push(
      `  ${run.events} events, no scalars, histograms or texts${t.other ? ` (${t.other} other: run records such as hparams or a layout)` : ''}`,
    );
    return lines;
  }
  lines.push(
    `  ${span}${time}; ${run.events} events; tags: ${t.scalars} scalar, ${t.histograms} histogram, ${t.texts} text${t.other ? `, ${t.other} other` : ''}`,
  );
  if (run.invalidWallTimes)
    lines.push(`  ${run.invalidWallTimes} events with a wall time that is not a date (left out of the span)`);
  if (run.unsafeStepPoints)
    lines.push(
      `  ${run.unsafeStepPoints} points at steps beyond 2^53: in the span, not given to the detector (it needs steps exact as numbers)`,
    );
  if (run.loss) lines.push(`  ${series('loss', run.loss)}`);
  const g = run.gradients;
  if (g) {
    lines.push(`  ${series(g.source === 'histograms' ? 'grad norm (estimated)' : 'grad norm', g)}`);
    if (g.topLayers.length > 0)
      lines.push(
        `  top layers by share of ||g||²: ${g.topLayers.map((l) => `${l.layer} ${fmt(100 * l.share)}%`).join(', ')}`,
      );
    if (g.clipRate !== undefined) lines.push(`  clip rate (last 100 steps): ${fmt(100 * g.clipRate)}%`);
  }
  if (run.alertsLogged.length > 0) {
    const parts = run.alertsLogged.map(
      (a) => `${a.rule}${a.level >= 2 ? ' (error)' : ''} from step ${a.firstStep} (${a.steps} steps)`,
    );
    lines.push(`  alerts written during training: ${parts.join('; ')}`);
  }
  for (const pm of run.postMortems.slice(0, 5)) {
    lines.push(
      `  post-mortem of step ${pm.step}: the damage was created ${pm.origin}${pm.evidence ? ` (evidence: ${pm.evidence})` : ''}`,
    );
  }
  if (run.alertsFound.length > 0) {
    lines.push('  alerts found by the detector:');
    for (const a of run.alertsFound.slice(0, 10)) {
      const blame = a.blame ? `; blame ${a.blame.layer}` : '';
      lines.push(`    ${a.axis} ${a.step} ${a.rule} [${a.severity}]: ${a.summary}${blame}`);
    }
    if (run.alertsFound.length > 10) lines.push(`    ... and ${run.alertsFound.length - 10} more`);
  }
  if (run.firstNonFinite)
    lines.push(
      `  first non-finite value: ${run.firstNonFinite.axis} ${run.firstNonFinite.step} (${run.firstNonFinite.tag})`,
    );
  lines.push(`  rules run: ${rulesLine(run)}`);
  lines.push(`  verdict: ${LEVEL_WORD[run.level]} ${run.verdict}`);
  return lines;
}

function problemsText(r: AnalysisReport): string[] {
  const lines: string[] = [];
  for (const c of r.corrupt)
    lines.push(
      `damaged record skipped: ${c.file} at byte ${c.offset} (${c.reason}; ${c.skippedBytes} bytes skipped)`,
    );
  for (const t of r.truncated)
    lines.push(
      `truncated: ${t.file} ends inside a record at byte ${t.offset} (${t.bytes} bytes; a writer still running, or killed)`,
    );
  for (const u of r.unreadable) lines.push(`unreadable: ${u.path} (${u.error})`);
  for (const v of r.invalid)
    lines.push(`bad value skipped: ${v.file} at byte ${v.offset}: ${v.tag}: ${v.reason}`);
  return lines;
}

export function renderMarkdown(r: AnalysisReport): string {
  const icon = { clean: '✅', warning: '⚠️', error: '❌' } as const;
  // Every string from the logdir is escaped for where it goes: mdCode for a code span, mdCodeCell for
  // a name in a table cell, mdText for text (alert summaries and verdicts quote tag and layer names).
  const out = [
    r.nothingFound
      ? '## gradwatch analyze: ❔ NOTHING FOUND'
      : `## gradwatch analyze: ${icon[r.level]} ${LEVEL_WORD[r.level]}`,
    '',
    `${mdCode(r.logdir)}: ${r.runs.length} run${r.runs.length === 1 ? '' : 's'}, ${(r.bytes / 1e6).toFixed(1)} MB`,
    '',
    ...(r.nothingFound ? [`Nothing found: ${mdText(r.nothingFound)}.`, ''] : []),
    '| run | steps | loss | gradient norm | alerts | verdict |',
    '|---|---|---|---|---:|---|',
  ];
  // Runs that hold only run records (the callback's layout and hparams at the logdir's root) have
  // nothing to chart: a line under the table, not a row of dashes.
  const recordsOnly = r.runs.filter((x) => x.tags.scalars + x.tags.histograms + x.tags.texts === 0);
  for (const run of r.runs) {
    if (recordsOnly.includes(run)) continue;
    const steps = run.steps ? `${run.steps.first}-${run.steps.last}` : spanText(run) || '-';
    const loss = run.loss
      ? `${fmt(run.loss.first)} → ${fmt(run.loss.last)} \`${sparkline(run.loss.spark)}\``
      : '-';
    const g = run.gradients
      ? `${fmt(run.gradients.first)} → ${fmt(run.gradients.last)} \`${sparkline(run.gradients.spark)}\``
      : '-';
    out.push(
      `| ${mdCodeCell(run.run)} | ${steps} | ${loss} | ${g} | ${run.alertsFound.length} | ${icon[run.level]} ${mdText(run.verdict)} |`,
    );
  }
  if (recordsOnly.length > 0) {
    out.push(
      '',
      `Run records only (layouts, hparams; nothing to chart): ${recordsOnly.map((x) => mdCode(x.run)).join(', ')}.`,
    );
  }
  for (const run of r.runs.filter(
    (x) => x.alertsFound.length > 0 || x.alertsLogged.length > 0 || x.postMortems.length > 0,
  )) {
    out.push('', `### ${mdCode(run.run)}`, '');
    for (const a of run.alertsFound.slice(0, 20)) {
      const blame = a.blame ? ` Blame: ${mdCode(a.blame.layer)} (${mdText(a.blame.reason)}).` : '';
      out.push(
        `- **${a.axis} ${a.step}, ${ruleTitle(a.rule).toLowerCase()}** (${a.severity}): ${mdText(a.summary)}.${blame}`,
      );
    }
    if (run.alertsLogged.length > 0) {
      out.push(
        `- written during training: ${run.alertsLogged.map((a) => `${mdCode(`alerts/${a.rule}`)} from step ${a.firstStep}`).join(', ')}`,
      );
    }
    for (const pm of run.postMortems.slice(0, 5)) {
      out.push(
        `- **post-mortem of step ${pm.step}**: the damage was created ${mdText(pm.origin)}${pm.evidence ? ` (evidence: ${mdCode(pm.evidence)})` : ''}`,
      );
    }
  }
  const problems = problemsText(r);
  if (problems.length > 0) out.push('', '### Read problems', '', ...problems.map((p) => `- ${mdText(p)}`));
  return `${safeLines(out)}\n`;
}

/**
 * For JSON.stringify: what JSON cannot hold exactly becomes a string. Non-finite numbers are "NaN",
 * "Infinity" and "-Infinity"; steps beyond 2^53 (bigints) their exact decimal digits.
 */
export function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return String(v);
  return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
}

export function renderJson(r: AnalysisReport): string {
  return `${safeJson(r, jsonReplacer, 2)}\n`;
}

/**
 * Which rules ran, and what the others need: grouped by what is missing, so a run with metrics only
 * (a val run) reads "no gradient statistics", not a list of eight rules.
 */
export function rulesLine(run: Pick<RunReport, 'rulesRun' | 'rulesSkipped'>): string {
  const byNeed = new Map<string, string[]>();
  for (const s of run.rulesSkipped) byNeed.set(s.missing, [...(byNeed.get(s.missing) ?? []), s.rule]);
  const ran = run.rulesRun.join(', ') || 'none';
  if (byNeed.size === 0) return ran;
  if (run.rulesRun.every((r) => r.endsWith('_loss') || r === 'loss_spike') && run.rulesSkipped.length >= 5)
    return `${ran} (no gradient statistics in this run: the gradient rules need gradwatch's or another logger's gradient norms)`;
  const missing = [...byNeed].map(([need, rules]) => `${rules.join(', ')} (need ${need})`).join('; ');
  return `${ran}; not run: ${missing}`;
}
