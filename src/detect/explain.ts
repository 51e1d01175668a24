/**
 * Plain-language explanations of alerts: one line for the console, and a markdown document for
 * TensorBoard's Text tab with what happened, where, the numbers, and what to try.
 */
import { fmt } from './blame.js';
import type { Alert, RuleName } from './types.js';

const TITLES: Record<RuleName, string> = {
  non_finite_grad: 'Non-finite gradients',
  non_finite_weights: 'Non-finite weights',
  non_finite_loss: 'Non-finite loss',
  grad_spike: 'Gradient norm spike',
  loss_spike: 'Loss spike',
  grad_growth: 'Gradient norm growing steadily',
  vanishing: 'Vanishing or dead layer',
  update_ratio: 'Updates far from 1e-3 of the weights',
  dead_units: 'Dead units',
  saturation: 'Saturated activations',
  activation_growth: 'Activations growing layer by layer',
};

const ADVICE: Record<RuleName, string[]> = {
  non_finite_grad: [
    'Lower the learning rate (try 3-10x lower).',
    'Clip gradients: `clip: { globalNorm: 1 }`, or adaptive `clip: { zclip: {} }`.',
    'Look for log(0), division by zero or sqrt of negatives in custom layers and losses; add an epsilon.',
    "Add `detect: { actions: { non_finite_grad: 'skip' } }` to drop such steps instead of applying them.",
  ],
  non_finite_weights: [
    'The weights are ruined from here on: restore a checkpoint from before this step.',
    "Stop early next time: `detect: { actions: { non_finite_grad: 'stop' } }` stops before the update is applied.",
    'Lower the learning rate, or clip gradients (`clip: { globalNorm: 1 }`).',
  ],
  non_finite_loss: [
    'Check the inputs and labels of this batch for NaN or Inf.',
    'Use a numerically stable loss (e.g. logits with softmaxCrossEntropy instead of log of a softmax).',
    'Lower the learning rate, or clip gradients.',
  ],
  grad_spike: [
    'Clip gradients: a fixed threshold a few times the typical norm (`clip: { globalNorm: ... }`, see grad_norm/global), or adaptive `clip: { zclip: {} }`.',
    'Lower the learning rate, or add a warm-up.',
    "Skip such steps: `detect: { actions: { grad_spike: 'skip' } }` (large-model trainers do this).",
  ],
  loss_spike: [
    'A loss that stays an order of magnitude up: the update before it knocked the model into a worse region; lower the learning rate or clip gradients.',
    'At 100x its starting value the run has diverged: restore a checkpoint from before the first warning.',
    'Check the batches from this step for outliers or bad labels.',
  ],
  grad_growth: [
    'An explosion is building up: lower the learning rate or clip gradients now (`clip: { zclip: {} }`).',
    'For recurrent layers: a smaller recurrent initializer (orthogonal with gain 1) or an LSTM/GRU instead of SimpleRNN.',
    'Check that the learning-rate schedule is not rising, and that gradients or losses are not accumulated across steps.',
  ],
  vanishing: [
    'Use ReLU-family activations or residual connections; avoid long chains of sigmoid/tanh.',
    'Use a variance-preserving initializer (heNormal for ReLU, glorotUniform for tanh).',
    'A dead layer (exactly zero gradients) may be disconnected from the loss or have dead ReLUs: try LeakyReLU or a lower learning rate.',
  ],
  dead_units: [
    'A ReLU layer whose units output zero for every input: check its bias initialisation (a large negative bias kills it) and lower the learning rate (one large update can push every unit below zero).',
    'Use LeakyReLU or ELU, which keep a gradient below zero, or batch normalisation before the activation.',
    'Use He initialisation (heNormal) for ReLU layers.',
  ],
  saturation: [
    'tanh/sigmoid units at their flat ends pass almost no gradient: scale the inputs (standardise them), or use a variance-preserving initializer (glorotUniform).',
    'Add batch or layer normalisation before the activation, or use ReLU-family activations in hidden layers.',
    'Lower the learning rate if the saturation followed large updates.',
  ],
  activation_growth: [
    'The forward pass amplifies the signal layer after layer: use a variance-preserving initializer (heNormal for ReLU, glorotUniform for tanh) or smaller initial weights.',
    'Add batch or layer normalisation between the layers, or residual connections with a small branch scale.',
    'Scale the inputs; lower the learning rate if the growth started after some training.',
  ],
  update_ratio: [
    'High (updates as large as the weights, or larger): lower the learning rate for this model (or this layer), or clip gradients; an update 10x the weights at the first steps points at the learning rate or the scale of the inputs.',
    'Low: raise the learning rate, or check that the layer is trainable and connected to the loss.',
    'Rule of thumb (CS231n): updates of about 1e-3 of the weights per step.',
  ],
};

/** The rule's title, for headings and the CLI. */
export function ruleTitle(rule: RuleName): string {
  return TITLES[rule];
}

/** One line for the console. */
export function alertLine(a: Alert): string {
  const blame = a.blame ? `; blame: ${a.blame.layer}${shareText(a.blame.share)}` : '';
  return `gradwatch: [${a.rule}] step ${a.step}: ${a.summary}${blame}`;
}

function shareText(share: number): string {
  return Number.isFinite(share) ? ` (${fmt(100 * share)}% of ||g||²)` : '';
}

/** A markdown document explaining one alert. */
export function explainAlert(a: Alert): string {
  const lines = [
    `### ${TITLES[a.rule]} at step ${a.step} (${a.severity})`,
    '',
    `**What happened.** ${cap(a.summary)}.`,
    '',
  ];
  if (a.blame) {
    const b = a.blame;
    lines.push(`**Where.** Layer \`${b.layer}\`${shareText(b.share)}: ${b.reason}.`, '');
    if (b.top.length > 0) {
      lines.push('| layer | gradient norm | share of \\|\\|g\\|\\|² |', '|---|---:|---:|');
      for (const t of b.top) lines.push(`| \`${t.layer}\` | ${fmt(t.gradNorm)} | ${fmt(100 * t.share)}% |`);
      lines.push('');
    }
  }
  const numbers = Object.entries(a.details).map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v) : v}`);
  lines.push(`**Numbers.** ${numbers.join(', ')}; limit ${fmt(a.threshold)}.`, '', '**What to try.**', '');
  for (const tip of ADVICE[a.rule]) lines.push(`- ${tip}`);
  return lines.join('\n');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
