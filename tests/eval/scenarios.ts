/**
 * The detector's evaluation suite: every scenario, explosions (tests/eval/explosions.ts), stable but
 * hard runs (tests/eval/stable.ts), vanishing or dead networks (tests/eval/vanishing.ts), and faults
 * for the activation rules with stable runs hard for them (tests/eval/activations.ts). Run by
 * bench/detect-eval.ts (the table) and, the fast subset, by tests/detect-eval.test.ts.
 */
import { ACTIVATIONS } from './activations.js';
import { EXPLOSIONS } from './explosions.js';
import type { Scenario } from './harness.js';
import { STABLE } from './stable.js';
import { VANISHING } from './vanishing.js';

export const SCENARIOS: Scenario[] = [...EXPLOSIONS, ...STABLE, ...VANISHING, ...ACTIVATIONS];

const names = new Set<string>();
for (const s of SCENARIOS) {
  if (names.has(s.name)) throw new Error(`two scenarios are named "${s.name}"`);
  names.add(s.name);
}
