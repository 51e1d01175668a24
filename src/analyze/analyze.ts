/**
 * analyze(): what went wrong in a logdir, and when. For each run: its span, tags by kind, the loss
 * trend, gradient health, the alerts written during training, the alerts the detector finds now over
 * the logged series (the same code that runs live), the first non-finite step, and a verdict.
 */
import { Detector } from '../detect/detector.js';
import type { DetectorOptions } from '../detect/options.js';
import { type Alert, type LayerRecord, RULES, type RuleName, type StepRecord } from '../detect/types.js';
import { RunCollector, type TagSummary } from './collect.js';
import { resample } from './downsample.js';
import { type LoadOptions, type LogdirProblems, scanLogdir } from './load.js';
import { assignRoles, layerOfVariable, type SeriesRoles } from './series.js';

export type Level = 'clean' | 'warning' | 'error';

export interface SeriesTrend {
  tag: string;
  points: number;
  first: number;
  last: number;
  min: number;
  max: number;
  /** Median of the last tenth over the median of the first tenth of the finite values. */
  change: number;
  firstNonFinite?: number;
  /** Up to 40 values for a sparkline (means of equal slices of the run). */
  spark: number[];
}

export interface RunReport {
  run: string;
  events: number;
  steps: { first: number; last: number } | null;
  wallTime: { first: number; last: number } | null;
  tags: { scalars: number; histograms: number; texts: number; other: number };
  loss?: SeriesTrend;
  gradients?: SeriesTrend & {
    source: 'scalar' | 'histograms';
    /** Layers by their share of the squared gradient norm over the run. */
    topLayers: Array<{ layer: string; share: number; lastNorm: number }>;
    clipRate?: number;
  };
  /** Alerts gradwatch wrote during training: per rule, steps alerted and the highest level. */
  alertsLogged: Array<{ rule: string; steps: number; firstStep: number; level: number }>;
  explanationsLogged: number;
  /** First alert of each burst found by running the detector over the logged series. */
  alertsFound: Alert[];
  rulesRun: RuleName[];
  rulesSkipped: Array<{ rule: RuleName; missing: string }>;
  firstNonFinite?: { step: number; tag: string };
  level: Level;
  verdict: string;
}

export interface AnalysisReport extends LogdirProblems {
  logdir: string;
  bytes: number;
  runs: RunReport[];
  level: Level;
}

export interface AnalyzeOptions extends LoadOptions {
  detector?: DetectorOptions;
}

export async function analyze(logdir: string, options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const reports: RunReport[] = [];
  let current: RunCollector | null = null;
  const problems = await scanLogdir(
    logdir,
    options,
    (run, step, wallTime, value) => {
      if (current?.name !== run) current = new RunCollector(run);
      current.add(step, wallTime, value);
    },
    (run, events) => {
      const c: RunCollector = current?.name === run.name ? current : new RunCollector(run.name);
      reports.push(reportRun(c, events, options.detector));
      current = null; // the run's data can go: memory stays bounded by one run
    },
  );
  const { runs: _runs, ...rest } = problems;
  const level = worst([...reports.map((r) => r.level), rest.corrupt.length > 0 ? 'warning' : 'clean']);
  return { logdir, ...rest, runs: reports, level };
}

function worst(levels: Level[]): Level {
  return levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'clean';
}

function trend(t: TagSummary, values: readonly number[]): SeriesTrend {
  const finite = values.filter(Number.isFinite);
  const tenth = Math.max(1, Math.floor(finite.length / 10));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  return {
    tag: t.tag,
    points: t.points,
    first: values[0] ?? Number.NaN,
    last: t.last,
    min: t.min,
    max: t.max,
    change: med(finite.slice(-tenth)) / med(finite.slice(0, tenth)),
    ...(t.firstNonFinite === undefined ? {} : { firstNonFinite: t.firstNonFinite }),
    spark: resample(t.spark?.values ?? values, 40),
  };
}

/** Per-step detector records from the run's series (the roles say which tag is which). */
export function recordsFromSeries(
  c: RunCollector,
  roles: SeriesRoles,
): { records: StepRecord[]; source: 'scalar' | 'histograms' } {
  const steps = new Set<number>();
  const get = (tag: string | undefined) => (tag ? c.kept.get(tag) : undefined);
  const loss = get(roles.loss);
  const global = get(roles.globalGradNorm);
  const layerNorms = new Map<string, Map<number, number>>();
  for (const [layer, tag] of roles.layerGradNorm) {
    const m = get(tag);
    if (m) layerNorms.set(layer, m);
  }
  let source: 'scalar' | 'histograms' = 'scalar';
  if (!global && layerNorms.size === 0 && c.histNorms.size > 0) {
    source = 'histograms';
    for (const [tag, m] of c.histNorms) layerNorms.set(tag, m);
  }
  for (const m of [loss, global, ...layerNorms.values()]) if (m) for (const s of m.keys()) steps.add(s);
  const layers = new Set(layerNorms.keys());
  const nonFinite = new Map<
    string,
    Array<{
      nan?: Map<number, number>;
      posinf?: Map<number, number>;
      neginf?: Map<number, number>;
      weights?: Map<number, number>;
    }>
  >();
  for (const [variable, kinds] of roles.nonFinite) {
    const layer = layerOfVariable(variable, layers);
    const list = nonFinite.get(layer) ?? [];
    list.push({
      ...(kinds.nan ? { nan: get(kinds.nan) } : {}),
      ...(kinds.posinf ? { posinf: get(kinds.posinf) } : {}),
      ...(kinds.neginf ? { neginf: get(kinds.neginf) } : {}),
      ...(kinds.weights ? { weights: get(kinds.weights) } : {}),
    });
    nonFinite.set(layer, list);
  }
  const layerNames = [
    ...new Set([...layerNorms.keys(), ...roles.layerWeightNorm.keys(), ...nonFinite.keys()]),
  ];
  const total = get(roles.nonFiniteTotal);
  const records: StepRecord[] = [];
  for (const step of [...steps].sort((a, b) => a - b)) {
    const r: StepRecord = { step };
    const l = loss?.get(step);
    if (l !== undefined) r.loss = l;
    const g = global?.get(step);
    if (g !== undefined) r.globalGradNorm = g;
    const nf = total?.get(step);
    if (nf !== undefined) r.gradNonFinite = nf;
    const recs: LayerRecord[] = [];
    for (const name of layerNames) {
      const rec: LayerRecord = { name };
      const gn = layerNorms.get(name)?.get(step);
      if (gn !== undefined) rec.gradNorm = gn;
      const wn = get(roles.layerWeightNorm.get(name))?.get(step);
      if (wn !== undefined) rec.weightNorm = wn;
      const ur = get(roles.layerUpdateRatio.get(name))?.get(step);
      if (ur !== undefined) rec.updateRatio = ur;
      for (const v of nonFinite.get(name) ?? []) {
        const [a, b, d, w] = [
          v.nan?.get(step),
          v.posinf?.get(step),
          v.neginf?.get(step),
          v.weights?.get(step),
        ];
        if (a !== undefined || b !== undefined || d !== undefined) {
          rec.gradNaN = (rec.gradNaN ?? 0) + (a ?? 0);
          rec.gradPosInf = (rec.gradPosInf ?? 0) + (b ?? 0);
          rec.gradNegInf = (rec.gradNegInf ?? 0) + (d ?? 0);
          rec.gradNonFinite = (rec.gradNonFinite ?? 0) + (a ?? 0) + (b ?? 0) + (d ?? 0);
        }
        if (w !== undefined) rec.weightNonFinite = (rec.weightNonFinite ?? 0) + w;
      }
      if (Object.keys(rec).length > 1) recs.push(rec);
    }
    if (recs.length > 0) r.layers = recs;
    records.push(r);
  }
  return { records, source };
}

/** Which rules the data can feed, and for the others, what is missing. */
function applicability(roles: SeriesRoles, hasLayerNorms: boolean, hasGlobal: boolean) {
  const need: Record<RuleName, string | null> = {
    non_finite_grad: hasGlobal || hasLayerNorms || roles.nonFinite.size > 0 ? null : 'a gradient norm series',
    non_finite_weights:
      roles.layerWeightNorm.size > 0 || [...roles.nonFinite.values()].some((k) => k.weights)
        ? null
        : 'weight norms',
    non_finite_loss: roles.loss || roles.epochLoss ? null : 'a loss series',
    grad_spike: hasGlobal || hasLayerNorms ? null : 'a gradient norm series',
    loss_spike: roles.loss || roles.epochLoss ? null : 'a loss series',
    grad_growth: hasGlobal || hasLayerNorms ? null : 'a gradient norm series',
    vanishing: hasLayerNorms ? null : 'per-layer gradient norms',
    update_ratio: roles.layerUpdateRatio.size > 0 ? null : 'per-layer update ratios',
  };
  return {
    run: RULES.filter((r) => need[r] === null),
    skipped: RULES.filter((r) => need[r] !== null).map((r) => ({ rule: r, missing: need[r]! })),
  };
}

function reportRun(c: RunCollector, events: number, detector: DetectorOptions | undefined): RunReport {
  const scalarTags = [...c.tags.values()].filter((t) => t.kind === 'scalar').map((t) => t.tag);
  const histTags = [...c.tags.values()].filter((t) => t.kind === 'histogram').map((t) => t.tag);
  const roles = assignRoles(scalarTags, histTags);
  const { records, source } = recordsFromSeries(c, roles);
  const hasLayerNorms = roles.layerGradNorm.size > 0 || (source === 'histograms' && c.histNorms.size > 0);
  const app = applicability(roles, hasLayerNorms, roles.globalGradNorm !== undefined);
  const det = new Detector(detector);
  const found: Alert[] = [];
  for (const r of records) for (const a of det.observe(r)) if (a.first) found.push(a);
  // A loss logged per epoch only: its own pass, on the epoch axis.
  if (!roles.loss && roles.epochLoss) {
    const m = c.kept.get(roles.epochLoss)!;
    const epochDetector = new Detector(detector);
    for (const step of [...m.keys()].sort((a, b) => a - b)) {
      for (const a of epochDetector.observeGradients({ step, loss: m.get(step)! })) {
        if (a.first) found.push({ ...a, summary: `epoch ${step}: ${a.summary}` });
      }
    }
  }
  found.sort((a, b) => a.step - b.step);

  const count = (k: TagSummary['kind']) => [...c.tags.values()].filter((t) => t.kind === k).length;
  const lossTag = roles.loss ?? roles.epochLoss;
  const lossSummary = lossTag ? c.tags.get(lossTag) : undefined;
  const report: RunReport = {
    run: c.name,
    events,
    steps: Number.isFinite(c.firstStep) ? { first: c.firstStep, last: c.lastStep } : null,
    wallTime: Number.isFinite(c.firstWallTime) ? { first: c.firstWallTime, last: c.lastWallTime } : null,
    tags: {
      scalars: count('scalar'),
      histograms: count('histogram'),
      texts: count('text'),
      other: count('other'),
    },
    alertsLogged: [],
    explanationsLogged: c.explanations.length,
    alertsFound: found,
    rulesRun: app.run,
    rulesSkipped: app.skipped,
    level: 'clean',
    verdict: '',
  };
  if (lossSummary) report.loss = trend(lossSummary, [...(c.kept.get(lossSummary.tag)?.values() ?? [])]);
  report.gradients = gradientHealth(c, roles, source, records);
  if (!report.gradients) delete report.gradients;
  for (const [rule, tag] of roles.alertLevels) {
    const m = c.kept.get(tag);
    if (!m) continue;
    const hot = [...m].filter(([, v]) => v > 0).sort(([a], [b]) => a - b);
    if (hot.length > 0)
      report.alertsLogged.push({
        rule,
        steps: hot.length,
        firstStep: hot[0]![0],
        level: hot.reduce((m, [, v]) => Math.max(m, v), 0),
      });
  }
  const nonFinite = [...c.tags.values()]
    // Clipping series are not health signals (ZClip's threshold is infinite during its warm-up).
    .filter((t) => t.firstNonFinite !== undefined && !/^(alerts|clip)\//.test(t.tag))
    .sort((a, b) => a.firstNonFinite! - b.firstNonFinite!)[0];
  if (nonFinite) report.firstNonFinite = { step: nonFinite.firstNonFinite!, tag: nonFinite.tag };
  [report.level, report.verdict] = verdict(report);
  return report;
}

function gradientHealth(
  c: RunCollector,
  roles: SeriesRoles,
  source: 'scalar' | 'histograms',
  records: StepRecord[],
): RunReport['gradients'] {
  const share = new Map<string, { sq: number; last: number }>();
  let totalSq = 0;
  const global: number[] = [];
  for (const r of records) {
    let stepSq = 0;
    for (const l of r.layers ?? []) {
      if (l.gradNorm === undefined || !Number.isFinite(l.gradNorm)) continue;
      const s = share.get(l.name) ?? { sq: 0, last: Number.NaN };
      s.sq += l.gradNorm * l.gradNorm;
      s.last = l.gradNorm;
      share.set(l.name, s);
      totalSq += l.gradNorm * l.gradNorm;
      stepSq += l.gradNorm * l.gradNorm;
    }
    if (r.globalGradNorm !== undefined) global.push(r.globalGradNorm);
    else if (r.layers?.some((l) => l.gradNorm !== undefined)) global.push(Math.sqrt(stepSq));
  }
  const tag = roles.globalGradNorm;
  const summary = tag ? c.tags.get(tag) : undefined;
  if (!summary && global.length === 0) return undefined;
  const t = summary
    ? trend(summary, [...(c.kept.get(summary.tag)?.values() ?? [])])
    : trend(
        {
          tag: source === 'histograms' ? 'estimated from gradient histograms' : 'sum of per-layer norms',
          kind: 'scalar',
          points: global.length,
          firstStep: records[0]?.step ?? 0,
          lastStep: records.at(-1)?.step ?? 0,
          last: global.at(-1) ?? Number.NaN,
          // Loops, not Math.min(...xs): a long run has more steps than the call stack has room for.
          min: global.reduce((m, x) => (Number.isFinite(x) && x < m ? x : m), Number.POSITIVE_INFINITY),
          max: global.reduce((m, x) => (Number.isFinite(x) && x > m ? x : m), Number.NEGATIVE_INFINITY),
        },
        global,
      );
  const clip = roles.clipRate ? c.tags.get(roles.clipRate)?.last : undefined;
  return {
    ...t,
    source,
    topLayers: [...share]
      .map(([layer, s]) => ({ layer, share: totalSq > 0 ? s.sq / totalSq : Number.NaN, lastNorm: s.last }))
      .sort((a, b) => b.share - a.share)
      .slice(0, 3),
    ...(clip === undefined ? {} : { clipRate: clip }),
  };
}

function verdict(r: RunReport): [Level, string] {
  const errors = r.alertsFound.filter((a) => a.severity === 'error');
  const warnings = r.alertsFound.filter((a) => a.severity === 'warning');
  const loggedError = r.alertsLogged.some((a) => a.level >= 2);
  const loggedWarning = r.alertsLogged.length > 0;
  const blameOf = (a: Alert | undefined) => (a?.blame ? `, blame ${a.blame.layer}` : '');
  if (r.firstNonFinite || errors.length > 0 || loggedError) {
    const first = r.alertsFound[0];
    const logged = r.alertsLogged.filter((a) => a.level >= 2).sort((a, b) => a.firstStep - b.firstStep)[0];
    const nf = r.firstNonFinite
      ? `non-finite ${r.firstNonFinite.tag} from step ${r.firstNonFinite.step}`
      : errors[0]
        ? `${errors[0].rule} at step ${errors[0].step}`
        : `${logged!.rule} (error) written during training from step ${logged!.firstStep}`;
    const lead =
      first && r.firstNonFinite && first.step < r.firstNonFinite.step
        ? `; first warning at step ${first.step} (${first.rule}${blameOf(first)})`
        : blameOf(errors[0]);
    return ['error', `${r.firstNonFinite ? 'diverged' : 'exploding'}: ${nf}${lead}`];
  }
  if (warnings.length > 0 || loggedWarning) {
    const rules = [...new Set([...warnings.map((a) => a.rule), ...r.alertsLogged.map((a) => a.rule)])];
    const firstStep = Math.min(...warnings.map((a) => a.step), ...r.alertsLogged.map((a) => a.firstStep));
    return ['warning', `warnings: ${rules.join(', ')} (from step ${firstStep})`];
  }
  if (r.rulesRun.length === 0) return ['clean', 'no loss or gradient series to check'];
  const loss =
    r.loss && Number.isFinite(r.loss.change)
      ? `, loss ${r.loss.change < 1 ? 'down' : 'up'} ${Math.abs(100 * (1 - r.loss.change)).toFixed(0)}%`
      : '';
  return ['clean', `healthy: no alerts${loss}`];
}
