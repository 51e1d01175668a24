/**
 * Which logged series feed which detector input, for logs from any writer. gradwatch's own tags are
 * recognised exactly; for PyTorch, Lightning, Keras, Hugging Face and Megatron logs the common names
 * of the loss and the gradient norm are; gradient histograms (any histogram tag containing "grad")
 * give an estimate of the norm when no norm was logged.
 */

/** Loss tags, most specific first; the first present wins. Validation/test losses are never used. */
const LOSS_TAGS = [
  'batch_loss',
  'loss',
  'train/loss',
  'train_loss',
  'Loss/train',
  'loss/train',
  'training_loss',
  'lm loss',
  'train/loss_step',
];
const LOSS_PATTERN = /(^|[/_ ])loss$/i;
const NOT_TRAINING = /(^|[/_])(val|valid|validation|test|eval)([/_]|$)/i;
/** Epoch-level losses: a different step axis from the gradient series. */
const EPOCH_LOSS_TAGS = ['epoch_loss', 'train/loss_epoch'];

const GRAD_NORM_TAGS = [
  'grad_norm/global',
  'grad_norm',
  'train/grad_norm',
  'grad-norm',
  'gradient_norm',
  'grad_2.0_norm_total',
  'grad_norm_total',
];
const GRAD_NORM_PATTERN = /grad(ient)?[-_ ]?norm([-_ ]?total)?$/i;

/** The axis a series' steps are on. */
export type Axis = 'step' | 'epoch';

/**
 * Keras and gradwatch's callback log `epoch_<metric>` with the epoch number as its step: a different
 * axis from the optimizer steps of every other series, never to be compared with them.
 */
export function axisOf(tag: string): Axis {
  return tag.startsWith('epoch_') ? 'epoch' : 'step';
}

export interface SeriesRoles {
  loss?: string;
  epochLoss?: string;
  globalGradNorm?: string;
  /** layer -> tag of its gradient norm. */
  layerGradNorm: Map<string, string>;
  layerWeightNorm: Map<string, string>;
  layerUpdateRatio: Map<string, string>;
  /** layer -> its activation statistics' tags (gradwatch's act/<layer>/zero_fraction, saturated_fraction). */
  layerActivation: Map<string, { zero?: string; saturated?: string; max?: string }>;
  /** variable -> { nan, posinf, neginf, weights } tags (gradwatch's exact counts). */
  nonFinite: Map<string, Partial<Record<'nan' | 'posinf' | 'neginf' | 'weights' | 'weights_before', string>>>;
  nonFiniteTotal?: string;
  /** Histogram tags of gradients, used for norms only when no norm scalar exists. */
  gradHistograms: string[];
  alertLevels: Map<string, string>;
  clipRate?: string;
}

/** gradwatch writes a layer named `global` as `global_` (one more `_` each), apart from the global series. */
function layerName(tagPart: string): string {
  return /^global_+$/.test(tagPart) ? tagPart.slice(0, -1) : tagPart;
}

/** Assigns roles to a run's tags (scalar tags and histogram tags). */
export function assignRoles(scalarTags: readonly string[], histogramTags: readonly string[]): SeriesRoles {
  const has = new Set(scalarTags);
  // gradwatch's own alert and clipping series are never the loss or the norm.
  const training = scalarTags.filter((t) => !NOT_TRAINING.test(t) && !/^(alerts|clip)\//.test(t));
  const roles: SeriesRoles = {
    layerGradNorm: new Map(),
    layerWeightNorm: new Map(),
    layerUpdateRatio: new Map(),
    layerActivation: new Map(),
    nonFinite: new Map(),
    gradHistograms: [],
    alertLevels: new Map(),
  };
  const loss =
    LOSS_TAGS.find((t) => has.has(t)) ??
    training.find((t) => LOSS_PATTERN.test(t) && !t.startsWith('epoch_'));
  if (loss) roles.loss = loss;
  const epochLoss = EPOCH_LOSS_TAGS.find((t) => has.has(t));
  if (epochLoss) roles.epochLoss = epochLoss;
  const grad = GRAD_NORM_TAGS.find((t) => has.has(t)) ?? training.find((t) => GRAD_NORM_PATTERN.test(t));
  if (grad) roles.globalGradNorm = grad;
  // gradwatch: grad_max/<var> exists for variables only, so grad_norm/<x> without it is a layer; and
  // when a tag filter left grad_max out, grad_norm/<layer>/<var> is a variable of a layer that has
  // its own series (grad_norm/<layer>).
  const variables = new Set(scalarTags.filter((t) => t.startsWith('grad_max/')).map((t) => t.slice(9)));
  for (const head of ['grad_norm', 'weight_norm', 'update_ratio']) {
    const names = new Set(
      scalarTags.filter((t) => t.startsWith(`${head}/`)).map((t) => t.slice(head.length + 1)),
    );
    for (const x of names) {
      for (let i = x.indexOf('/'); i > 0; i = x.indexOf('/', i + 1)) {
        if (names.has(x.slice(0, i))) {
          variables.add(x);
          break;
        }
      }
    }
  }
  for (const t of scalarTags) {
    const [head, rest] = splitFirst(t);
    if (rest === undefined) continue;
    if (head === 'grad_norm' && rest !== 'global' && !variables.has(rest))
      roles.layerGradNorm.set(layerName(rest), t);
    else if (head === 'weight_norm' && rest !== 'global' && !variables.has(rest))
      roles.layerWeightNorm.set(layerName(rest), t);
    else if (head === 'update_ratio' && rest !== 'global' && !variables.has(rest))
      roles.layerUpdateRatio.set(layerName(rest), t);
    else if (head === 'grad_2.0_norm')
      roles.layerGradNorm.set(rest, t); // Lightning: one per parameter
    else if (head === 'alerts') roles.alertLevels.set(rest, t);
    else if (
      head === 'act' &&
      (rest.endsWith('/zero_fraction') || rest.endsWith('/saturated_fraction') || rest.endsWith('/max_abs'))
    ) {
      const slash = rest.lastIndexOf('/');
      const layer = rest.slice(0, slash);
      const kind = rest.endsWith('/zero_fraction') ? 'zero' : rest.endsWith('/max_abs') ? 'max' : 'saturated';
      roles.layerActivation.set(layer, { ...roles.layerActivation.get(layer), [kind]: t });
    } else if (t === 'nonfinite/grad_total') roles.nonFiniteTotal = t;
    else if (head === 'nonfinite') {
      const slash = rest.lastIndexOf('/');
      const kind = rest.slice(slash + 1);
      if (
        slash > 0 &&
        (kind === 'nan' ||
          kind === 'posinf' ||
          kind === 'neginf' ||
          kind === 'weights' ||
          kind === 'weights_before')
      ) {
        const v = rest.slice(0, slash);
        roles.nonFinite.set(v, { ...roles.nonFinite.get(v), [kind]: t });
      }
    }
  }
  if (has.has('clip/rate')) roles.clipRate = 'clip/rate';
  roles.gradHistograms = histogramTags.filter(
    (t) => /grad/i.test(t) && !/weight|update/i.test(t.split('/')[0]!),
  );
  return roles;
}

function splitFirst(tag: string): [string, string | undefined] {
  const i = tag.indexOf('/');
  return i < 0 ? [tag, undefined] : [tag.slice(0, i), tag.slice(i + 1)];
}

/** Layer of a gradwatch variable name: `dense_Dense1/kernel` belongs to `dense_Dense1`. */
export function layerOfVariable(variable: string, layers: ReadonlySet<string>): string {
  for (let i = variable.lastIndexOf('/'); i > 0; i = variable.lastIndexOf('/', i - 1)) {
    if (layers.has(variable.slice(0, i))) return variable.slice(0, i);
  }
  const slash = variable.lastIndexOf('/');
  return slash > 0 ? variable.slice(0, slash) : variable;
}

/** Rough L2 norm of the values a histogram summarises (each count at its bucket's centre). */
export function normFromBuckets(buckets: Float64Array): number {
  let s = 0;
  for (let i = 0; i < buckets.length; i += 3) {
    const c = (buckets[i]! + buckets[i + 1]!) / 2;
    s += buckets[i + 2]! * c * c;
  }
  return Math.sqrt(s);
}
