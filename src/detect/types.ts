/**
 * What the detector reads and what it reports. Plain numbers only (no tfjs), so the same code runs
 * live over the callback's statistics and post hoc over series read back from event files.
 */

/** One layer's numbers at one step. Any field may be missing: rules that need it then skip the layer. */
export interface LayerRecord {
  name: string;
  /** L2 norm of the layer's gradients (all its variables together). */
  gradNorm?: number;
  /** Non-finite gradient elements, and the split by kind where known. */
  gradNonFinite?: number;
  gradNaN?: number;
  gradPosInf?: number;
  gradNegInf?: number;
  /** L2 norm of the weights after the update. */
  weightNorm?: number;
  /** Non-finite weight elements after the update. */
  weightNonFinite?: number;
  /** Non-finite weight elements before this step's update (what the step started from). */
  weightNonFiniteBefore?: number;
  /** ||Δw|| / ||w|| of the update applied at this step. */
  updateRatio?: number;
  /** What the layer output in the step's forward pass, at the steps activations were measured. */
  activation?: {
    /** Fraction of the output values that are exactly zero. */
    zeroFraction?: number;
    /** Fraction saturated, for tanh/sigmoid-like activations. */
    saturatedFraction?: number;
    /** Largest |a| of the output. */
    maxAbs?: number;
    /** The model's output layer (last in the forward pass): its saturation is confidence, not a fault. */
    output?: boolean;
  };
}

/** One optimizer step. `layers` are in forward order (input to output), as a model lists its weights. */
export interface StepRecord {
  step: number;
  loss?: number;
  /** L2 norm of all gradients; derived from the layers when missing. */
  globalGradNorm?: number;
  /** Non-finite gradient elements over all variables; derived from the layers when missing. */
  gradNonFinite?: number;
  layers?: LayerRecord[];
  /** What gradient clipping did at this step, if it was on. */
  clip?: { clipped: boolean; postClipNorm: number; threshold: number };
  /** True when this step's update was not applied (a `skip` action). */
  skipped?: boolean;
}

export const RULES = [
  'non_finite_grad',
  'non_finite_weights',
  'non_finite_loss',
  'grad_spike',
  'loss_spike',
  'grad_growth',
  'vanishing',
  'update_ratio',
  'dead_units',
  'saturation',
  'activation_growth',
] as const;
export type RuleName = (typeof RULES)[number];

export type Severity = 'warning' | 'error';

/** How each rule's series is scored in `alerts/<rule>`: 0 quiet, 1 warning, 2 error. */
export const SEVERITY_LEVEL: Record<Severity, number> = { warning: 1, error: 2 };

export interface LayerShare {
  layer: string;
  gradNorm: number;
  /** ||g_layer||² / Σ ||g_l||², from the last step where the norms were finite. */
  share: number;
}

/** Which layer an alert points at, and why. */
export interface Blame {
  layer: string;
  /** One sentence: why this layer (deviated first, weights went non-finite first, ...). */
  reason: string;
  /** The blamed layer's share of the total squared gradient norm (NaN when unknown). */
  share: number;
  /** Step at which the layer's own statistic first deviated, when that is the reason. */
  since?: number;
  /** The three layers with the largest share of the squared norm. */
  top: LayerShare[];
}

export interface Alert {
  rule: RuleName;
  severity: Severity;
  step: number;
  /** One line: what happened, with the numbers. */
  summary: string;
  /** The measured number and the limit it crossed (units depend on the rule; see `details`). */
  value: number;
  threshold: number;
  /** The rule's own numbers (z, mean, median, slope, ...), for the explanation and for JSON output. */
  details: Record<string, number | string>;
  /** The layer a per-layer rule is about, or the blamed layer. */
  blame?: Blame;
  /** True at the first step of a burst: the rule was quiet for `burstGap` steps before. */
  first: boolean;
  /** Gradient-phase rules are decided before the update is applied, so they can skip it. */
  phase: 'gradients' | 'weights';
}
