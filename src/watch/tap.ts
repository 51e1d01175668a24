/**
 * The gradient tap: replaces `applyGradients` on one optimizer instance so every batch's gradients
 * pass through a hook first. `LayersModel.fit`/`fitDataset`/`trainOnBatch` and a custom loop's
 * `optimizer.minimize` all end in `this.applyGradients(...)`, looked up on each call, so patching the
 * instance (not the class) sees every step of this optimizer and nothing else, and keeps its class and
 * serialization intact.
 */
import type { NamedTensorMap, Optimizer, Tensor } from '@tensorflow/tfjs-core';

interface NamedTensor {
  name: string;
  tensor: Tensor;
}

/** One gradient as the optimizer receives it; `tensor` is undefined for a variable the loss does not reach. */
export interface Gradient {
  name: string;
  tensor: Tensor | undefined;
}

export interface TapHooks {
  /**
   * Called with the gradients before the update; runs synchronously inside the training step. It may
   * return replacement gradients (same order; clipping), which the optimizer then applies under the
   * same names and positions (optimizers keep slot variables by position) and which are disposed after.
   */
  before(grads: Gradient[]): Array<Tensor | undefined> | undefined;
  /** Called right after the optimizer applied the update. */
  after(grads: Gradient[]): void;
}

const TAPPED = Symbol.for('gradwatch.tapped');

type Tappable = Optimizer & { [TAPPED]?: true };

/** Installs the tap; returns a function that restores the optimizer exactly as it was. */
export function tapOptimizer(optimizer: Optimizer, hooks: TapHooks): () => void {
  if (!optimizer || typeof (optimizer as Partial<Optimizer>).applyGradients !== 'function') {
    throw new TypeError('optimizer must be a tfjs Optimizer (an object with applyGradients)');
  }
  const target = optimizer as Tappable;
  if (target[TAPPED]) throw new Error('this optimizer is already watched by gradwatch; call unwatch() first');
  const hadOwn = Object.hasOwn(target, 'applyGradients');
  const ownValue = hadOwn ? target.applyGradients : undefined;
  const original = target.applyGradients;
  const patched = function (this: Optimizer, variableGradients: NamedTensorMap | NamedTensor[]): void {
    const grads: Gradient[] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => ({ name: g.name, tensor: g.tensor }))
      : Object.keys(variableGradients).map((name) => ({ name, tensor: variableGradients[name] }));
    const replaced = hooks.before(grads);
    if (!replaced) {
      original.call(this, variableGradients);
    } else {
      const arg: NamedTensorMap | NamedTensor[] = Array.isArray(variableGradients)
        ? grads.map((g, i) => ({ name: g.name, tensor: replaced[i] as Tensor }))
        : Object.fromEntries(grads.map((g, i) => [g.name, replaced[i] as Tensor]));
      try {
        original.call(this, arg);
      } finally {
        for (const [i, t] of replaced.entries()) if (t && t !== grads[i]!.tensor) t.dispose();
      }
    }
    hooks.after(grads);
  };
  target.applyGradients = patched;
  target[TAPPED] = true;
  return () => {
    if (target.applyGradients === patched) {
      if (hadOwn) target.applyGradients = ownValue!;
      else delete (target as Partial<Tappable>).applyGradients;
    }
    delete target[TAPPED];
  };
}
