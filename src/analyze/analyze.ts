/**
 * analyze(): what went wrong in a logdir, and when. For each run: its span, tags by kind, the loss
 * trend, gradient health, the alerts written during training, the alerts the detector finds now over
 * the logged series (the same code that runs live), the first non-finite step, and a verdict.
 */
import { Detector } from '../detect/detector.js';
import type { DetectorOptions } from '../detect/options.js';
import { type Alert, type LayerRecord, RULES, type RuleName, type StepRecord } from '../detect/types.js';
import { RunCollector, type TagSummary } from './collect.js';
import { Downsampler, resample } from './downsample.js';
import { type LoadOptions, type LogdirProblems, nothingFound, scanLogdir } from './load.js';
import { type Axis, assignRoles, axisOf, layerOfVariable, type SeriesRoles } from './series.js';
import { compareSteps, type Step } from './step.js';
import type { StepSeries } from './step-series.js';

export type Level = 'clean' | 'warning' | 'error';

export interface SeriesTrend {
  tag: string;
  /** Whether its steps (firstNonFinite) are optimizer steps or epochs. */
  axis: Axis;
  points: number;
  first: number;
  last: number;
  min: number;
  max: number;
  /** Median of the last tenth over the median of the first tenth of the finite values. */
  change: number;
  firstNonFinite?: Step;
  /** Up to 40 values for a sparkline (means of equal slices of the run). */
  spark: number[];
}

export interface RunReport {
  run: string;
  events: number;
  /** First and last step (exact: a bigint beyond 2^53, a decimal string in JSON); null without any. */
  steps: { first: Step; last: Step } | null;
  /** First and last epoch of the epoch-axis series (Keras's epoch_*), when there are any. */
  epochs?: { first: Step; last: Step };
  /** The span of the wall times that are dates (see invalidWallTimes). */
  wallTime: { first: number; last: number } | null;
  /** Events whose wall time is set but is not a date (Infinity, NaN, 1e20): left out of the span. */
  invalidWallTimes?: number;
  /**
   * Points at steps beyond 2^53 (TensorBoard's steps are int64): exact in `steps`, left out of the
   * detector's series, which need steps that are exact as numbers.
   */
  unsafeStepPoints?: number;
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
  /** Post-mortems gradwatch wrote (postmortem/<step>): where the damage of each bad step was created. */
  postMortems: Array<{ step: number; origin: string; evidence?: string }>;
  /**
   * First alert of each burst found by running the detector over the logged series: the step-axis
   * ones in step order, then those of a loss logged per epoch only (axis 'epoch', step = the epoch).
   */
  alertsFound: FoundAlert[];
  rulesRun: RuleName[];
  rulesSkipped: Array<{ rule: RuleName; missing: string }>;
  /** The first non-finite value: on the step axis if any series has one, else on the epoch axis. */
  firstNonFinite?: { axis: Axis; step: Step; tag: string };
  level: Level;
  verdict: string;
}

/** An alert found by the detector, with the axis its step is on. */
export type FoundAlert = Alert & { axis: Axis };

export interface AnalysisReport extends LogdirProblems {
  logdir: string;
  bytes: number;
  runs: RunReport[];
  level: Level;
  /**
   * Set when there was nothing to analyse: no event files, no run matching the run glob, or no value
   * matching the tag filter (the CLI then exits 3, whatever --fail-on says: a wrong path is not "OK").
   */
  nothingFound?: string;
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
    (run, events, invalidWallTimes) => {
      const c: RunCollector = current?.name === run.name ? current : new RunCollector(run.name);
      const report = reportRun(c, events, options.detector);
      if (invalidWallTimes > 0) report.invalidWallTimes = invalidWallTimes;
      reports.push(report);
      current = null; // the run's data can go: memory stays bounded by one run
    },
  );
  const { runs, allRuns, discovered, points, ...rest } = problems;
  // Data that could not be read or decoded leaves the verdicts incomplete: at least a warning.
  const lost = rest.corrupt.length + rest.invalid.length + rest.unreadable.length;
  const level = worst([...reports.map((r) => r.level), lost > 0 ? 'warning' : 'clean']);
  const why = nothingFound(
    logdir,
    options,
    { discovered, points },
    runs.map((r) => r.name),
    allRuns,
  );
  return { logdir, ...rest, runs: reports, level, ...(why === undefined ? {} : { nothingFound: why }) };
}

function worst(levels: Level[]): Level {
  return levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'clean';
}

/** A series' trend from its summary; the change and the sparkline come from its downsampled points. */
function trend(t: TagSummary): SeriesTrend {
  const values = t.spark?.values ?? [];
  const finite = values.filter(Number.isFinite);
  const tenth = Math.max(1, Math.floor(finite.length / 10));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  return {
    tag: t.tag,
    axis: t.axis,
    points: t.points,
    first: values[0] ?? Number.NaN,
    last: t.last,
    min: t.min,
    max: t.max,
    change: med(finite.slice(-tenth)) / med(finite.slice(0, tenth)),
    ...(t.firstNonFinite === undefined ? {} : { firstNonFinite: t.firstNonFinite }),
    spark: resample(values, 40),
  };
}

/** Per-step detector records from the run's series (the roles say which tag is which), in step order. */
export function recordsFromSeries(
  c: RunCollector,
  roles: SeriesRoles,
): { records: Iterable<StepRecord>; source: 'scalar' | 'histograms' } {
  const get = (tag: string | undefined) => (tag ? c.kept.get(tag) : undefined);
  const loss = get(roles.loss);
  const global = get(roles.globalGradNorm);
  const layerNorms = new Map<string, StepSeries>();
  for (const [layer, tag] of roles.layerGradNorm) {
    const m = get(tag);
    if (m) layerNorms.set(layer, m);
  }
  let source: 'scalar' | 'histograms' = 'scalar';
  if (!global && layerNorms.size === 0 && c.histNorms.size > 0) {
    source = 'histograms';
    for (const [tag, m] of c.histNorms) layerNorms.set(tag, m);
  }
  const layers = new Set(layerNorms.keys());
  type Counts = Partial<Record<'nan' | 'posinf' | 'neginf' | 'weights' | 'weights_before', StepSeries>>;
  const nonFinite = new Map<string, Counts[]>();
  for (const [variable, kinds] of roles.nonFinite) {
    const layer = layerOfVariable(variable, layers);
    const counts: Counts = {};
    for (const k of ['nan', 'posinf', 'neginf', 'weights', 'weights_before'] as const) {
      const m = get(kinds[k]);
      if (m) counts[k] = m;
    }
    nonFinite.set(layer, [...(nonFinite.get(layer) ?? []), counts]);
  }
  const layerNames = [
    ...new Set([
      ...layerNorms.keys(),
      ...roles.layerWeightNorm.keys(),
      ...nonFinite.keys(),
      ...roles.layerActivation.keys(),
    ]),
  ];
  const activations = layerNames.map((n) => {
    const a = roles.layerActivation.get(n);
    return a ? { zero: get(a.zero), saturated: get(a.saturated), max: get(a.max) } : undefined;
  });
  // The output layer's saturation is confidence, not a fault: the last layer with activations (the
  // tags keep no forward order, so this is the last one listed, as gradwatch writes them).
  const outputLayer = [...roles.layerActivation.keys()].at(-1);
  const weightNorms = layerNames.map((n) => get(roles.layerWeightNorm.get(n)));
  const updateRatios = layerNames.map((n) => get(roles.layerUpdateRatio.get(n)));
  const total = get(roles.nonFiniteTotal);
  const drivers = [loss, global, ...layerNorms.values()].filter((m): m is StepSeries => m !== undefined);

  function* records(): Generator<StepRecord> {
    // A merge of the drivers' sorted steps: every step that has a loss or a gradient norm.
    const its = drivers.map((m) => m.keys());
    const heads = its.map((it) => it.next());
    for (;;) {
      let step = Number.POSITIVE_INFINITY;
      for (const h of heads) if (!h.done && h.value < step) step = h.value;
      if (step === Number.POSITIVE_INFINITY) return;
      heads.forEach((h, k) => {
        if (!h.done && h.value === step) heads[k] = its[k]!.next();
      });
      const r: StepRecord = { step };
      const l = loss?.get(step);
      if (l !== undefined) r.loss = l;
      const g = global?.get(step);
      if (g !== undefined) r.globalGradNorm = g;
      const nf = total?.get(step);
      if (nf !== undefined) r.gradNonFinite = nf;
      const recs: LayerRecord[] = [];
      layerNames.forEach((name, k) => {
        const rec: LayerRecord = { name };
        let any = false;
        const gn = layerNorms.get(name)?.get(step);
        if (gn !== undefined) [rec.gradNorm, any] = [gn, true];
        const wn = weightNorms[k]?.get(step);
        if (wn !== undefined) [rec.weightNorm, any] = [wn, true];
        const ur = updateRatios[k]?.get(step);
        if (ur !== undefined) [rec.updateRatio, any] = [ur, true];
        const az = activations[k]?.zero?.get(step);
        const as = activations[k]?.saturated?.get(step);
        const am = activations[k]?.max?.get(step);
        if (az !== undefined || as !== undefined || am !== undefined) {
          rec.activation = {
            ...(az === undefined ? {} : { zeroFraction: az }),
            ...(as === undefined ? {} : { saturatedFraction: as }),
            ...(am === undefined ? {} : { maxAbs: am }),
            ...(name === outputLayer ? { output: true } : {}),
          };
          any = true;
        }
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
            any = true;
          }
          if (w !== undefined) [rec.weightNonFinite, any] = [(rec.weightNonFinite ?? 0) + w, true];
          const before = v.weights_before?.get(step);
          if (before !== undefined)
            [rec.weightNonFiniteBefore, any] = [(rec.weightNonFiniteBefore ?? 0) + before, true];
        }
        if (any) recs.push(rec);
      });
      if (recs.length > 0) r.layers = recs;
      yield r;
    }
  }
  return { records: { [Symbol.iterator]: records }, source };
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
    dead_units: roles.layerActivation.size > 0 ? null : 'activation statistics',
    saturation: roles.layerActivation.size > 0 ? null : 'activation statistics',
    activation_growth: roles.layerActivation.size > 0 ? null : 'activation statistics',
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
  const found: FoundAlert[] = [];
  const health = new GradientHealth();
  // One pass over the steps, never all in memory: the detector and the gradient summary together.
  for (const r of records) {
    for (const a of det.observe(r)) if (a.first) found.push({ ...a, axis: 'step' });
    health.add(r);
  }
  found.sort((a, b) => a.step - b.step);
  // A loss logged per epoch only: its own pass, on its own axis (after the step-axis alerts).
  if (!roles.loss && roles.epochLoss) {
    const m = c.kept.get(roles.epochLoss)!;
    const axis = axisOf(roles.epochLoss);
    const epochDetector = new Detector(detector);
    for (const step of m.keys()) {
      for (const a of epochDetector.observeGradients({ step, loss: m.get(step)! })) {
        if (a.first) found.push({ ...a, axis });
      }
    }
  }

  const count = (k: TagSummary['kind']) => [...c.tags.values()].filter((t) => t.kind === k).length;
  const lossTag = roles.loss ?? roles.epochLoss;
  const lossSummary = lossTag ? c.tags.get(lossTag) : undefined;
  const report: RunReport = {
    run: c.name,
    events,
    steps: c.firstStep <= c.lastStep ? { first: c.firstStep, last: c.lastStep } : null,
    ...(c.firstEpoch <= c.lastEpoch ? { epochs: { first: c.firstEpoch, last: c.lastEpoch } } : {}),
    wallTime: Number.isFinite(c.firstWallTime) ? { first: c.firstWallTime, last: c.lastWallTime } : null,
    tags: {
      scalars: count('scalar'),
      histograms: count('histogram'),
      texts: count('text'),
      other: count('other'),
    },
    alertsLogged: [],
    explanationsLogged: c.explanations.length,
    postMortems: [...c.postMortems].sort((a, b) => a.step - b.step),
    alertsFound: found,
    rulesRun: app.run,
    rulesSkipped: app.skipped,
    level: 'clean',
    verdict: '',
  };
  if (c.unsafeStepPoints > 0) report.unsafeStepPoints = c.unsafeStepPoints;
  if (lossSummary) report.loss = trend(lossSummary);
  const gradients = health.result(c, roles, source);
  if (gradients) report.gradients = gradients;
  for (const [rule, tag] of roles.alertLevels) {
    const m = c.kept.get(tag);
    if (!m) continue;
    let steps = 0;
    let firstStep = Number.NaN;
    let level = 0;
    for (const [step, v] of m) {
      if (!(v > 0)) continue;
      if (steps++ === 0) firstStep = step;
      level = Math.max(level, v);
    }
    if (steps > 0) report.alertsLogged.push({ rule, steps, firstStep, level });
  }
  // Clipping series are not health signals (ZClip's threshold is infinite during its warm-up). An
  // epoch is never compared with a step: the step axis is the finer one, the epoch axis the fallback.
  const nonFinite = [...c.tags.values()]
    .filter((t) => t.firstNonFinite !== undefined && !/^(alerts|clip)\//.test(t.tag))
    .sort(
      (a, b) =>
        (a.axis === b.axis ? 0 : a.axis === 'step' ? -1 : 1) ||
        compareSteps(a.firstNonFinite!, b.firstNonFinite!),
    )[0];
  if (nonFinite)
    report.firstNonFinite = { axis: nonFinite.axis, step: nonFinite.firstNonFinite!, tag: nonFinite.tag };
  [report.level, report.verdict] = verdict(report);
  return report;
}

/** Per-layer shares of the squared gradient norm, and the global norm's trend, over a run. */
class GradientHealth {
  readonly #share = new Map<string, { sq: number; last: number }>();
  #totalSq = 0;
  /** The global norm when only per-layer norms were logged: summarised like a tag. */
  readonly #derived: TagSummary = {
    tag: 'sum of per-layer norms',
    kind: 'scalar',
    axis: 'step',
    points: 0,
    firstStep: Number.NaN,
    lastStep: Number.NaN,
    last: Number.NaN,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    spark: new Downsampler(),
  };

  add(r: StepRecord): void {
    let stepSq = 0;
    let any = false;
    for (const l of r.layers ?? []) {
      if (l.gradNorm === undefined) continue;
      any = true;
      if (!Number.isFinite(l.gradNorm)) {
        stepSq = Number.NaN;
        continue;
      }
      const s = this.#share.get(l.name) ?? { sq: 0, last: Number.NaN };
      s.sq += l.gradNorm * l.gradNorm;
      s.last = l.gradNorm;
      this.#share.set(l.name, s);
      this.#totalSq += l.gradNorm * l.gradNorm;
      stepSq += l.gradNorm * l.gradNorm;
    }
    if (!any) return;
    const d = this.#derived;
    const g = Math.sqrt(stepSq);
    if (d.points++ === 0) d.firstStep = r.step;
    d.lastStep = r.step;
    d.last = g;
    if (Number.isFinite(g)) {
      d.min = Math.min(d.min, g);
      d.max = Math.max(d.max, g);
    } else d.firstNonFinite ??= r.step;
    d.spark!.push(r.step, g);
  }

  result(c: RunCollector, roles: SeriesRoles, source: 'scalar' | 'histograms'): RunReport['gradients'] {
    const summary = roles.globalGradNorm ? c.tags.get(roles.globalGradNorm) : undefined;
    if (!summary && this.#derived.points === 0) return undefined;
    if (source === 'histograms') this.#derived.tag = 'estimated from gradient histograms';
    const clip = roles.clipRate ? c.tags.get(roles.clipRate)?.last : undefined;
    return {
      ...trend(summary ?? this.#derived),
      source,
      topLayers: [...this.#share]
        .map(([layer, s]) => ({
          layer,
          share: this.#totalSq > 0 ? s.sq / this.#totalSq : Number.NaN,
          lastNorm: s.last,
        }))
        .sort((a, b) => b.share - a.share)
        .slice(0, 3),
      ...(clip === undefined ? {} : { clipRate: clip }),
    };
  }
}

/** "step 12" or "epoch 3". */
function at(axis: Axis, step: Step): string {
  return `${axis} ${step}`;
}

function verdict(r: RunReport): [Level, string] {
  const errors = r.alertsFound.filter((a) => a.severity === 'error');
  const warnings = r.alertsFound.filter((a) => a.severity === 'warning');
  const loggedError = r.alertsLogged.some((a) => a.level >= 2);
  const loggedWarning = r.alertsLogged.length > 0;
  const blameOf = (a: Alert | undefined) => (a?.blame ? `, blame ${a.blame.layer}` : '');
  if (r.firstNonFinite || errors.length > 0 || loggedError) {
    const nfAt = r.firstNonFinite;
    // The first alert on the same axis as the first non-finite value (alerts are sorted per axis).
    const first = r.alertsFound.find((a) => a.axis === (nfAt?.axis ?? a.axis));
    const logged = r.alertsLogged.filter((a) => a.level >= 2).sort((a, b) => a.firstStep - b.firstStep)[0];
    const nf = nfAt
      ? `non-finite ${nfAt.tag} from ${at(nfAt.axis, nfAt.step)}`
      : errors[0]
        ? `${errors[0].rule} at ${at(errors[0].axis, errors[0].step)}`
        : `${logged!.rule} (error) written during training from step ${logged!.firstStep}`;
    const lead =
      first && nfAt && first.step < nfAt.step
        ? `; first warning at ${at(first.axis, first.step)} (${first.rule}${blameOf(first)})`
        : blameOf(errors[0]);
    return ['error', `${nfAt ? 'diverged' : 'exploding'}: ${nf}${lead}`];
  }
  if (warnings.length > 0 || loggedWarning) {
    const rules = [...new Set([...warnings.map((a) => a.rule), ...r.alertsLogged.map((a) => a.rule)])];
    // Alerts written during training are on the step axis, like the detector's step-axis alerts.
    const onSteps = [
      ...warnings.filter((a) => a.axis === 'step').map((a) => a.step),
      ...r.alertsLogged.map((a) => a.firstStep),
    ];
    const from = onSteps.length > 0 ? at('step', Math.min(...onSteps)) : at('epoch', warnings[0]!.step);
    return ['warning', `warnings: ${rules.join(', ')} (from ${from})`];
  }
  if (r.rulesRun.length === 0) return ['clean', 'no loss or gradient series to check'];
  const loss =
    r.loss && Number.isFinite(r.loss.change)
      ? `, loss ${r.loss.change < 1 ? 'down' : 'up'} ${percent(Math.abs(1 - r.loss.change))}`
      : '';
  return ['clean', `healthy: no alerts${loss}`];
}

/** A fraction as a percentage that never rounds to a claim it is not: 0.996 is 99.6%, not 100%. */
function percent(x: number): string {
  const p = 100 * x;
  if (p >= 99 && p < 100) return `${Math.min(99.9, Math.round(p * 10) / 10).toFixed(1)}%`;
  if (p > 0 && p < 1) return `${p.toPrecision(1)}%`;
  return `${p.toFixed(0)}%`;
}
