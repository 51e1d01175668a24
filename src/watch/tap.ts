/**
 * The gradient tap: replaces `applyGradients` on one optimizer instance so every batch's gradients
 * pass through a hook first. `LayersModel.fit`/`fitDataset`/`trainOnBatch` and a custom loop's
 * `optimizer.minimize` all end in `this.applyGradients(...)`, looked up on each call, so patching the
 * instance (not the class) sees every step of this optimizer and nothing else, and keeps its class and
 * serialization intact. `minimize` and `computeGradients` are wrapped the same way, only to hand the
 * loss of the step to the hook; all three are restored together.
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
   * 'skip' drops the update: the optimizer is not called (its moments and iteration count stay).
   * `loss` is the value `minimize` computed for these gradients, when the step came through minimize.
   */
  before(
    grads: Gradient[],
    loss: Tensor | undefined,
    lossFn?: () => Tensor,
  ): Array<Tensor | undefined> | 'skip' | undefined;
  /** Called right after the optimizer applied the update. */
  after(grads: Gradient[], skipped: boolean): void;
}

const TAPPED = Symbol.for('gradwatch.tapped');

/** Who installed a tap: a clear error for a second watch of the optimizer, and a stale one replaced. */
export interface TapOwner {
  kind: 'tensorBoard()' | 'watchOptimizer()';
  /**
   * False once the owner is gone without restoring the optimizer (the fit of a callback threw, so
   * its onTrainEnd never ran): a new watch of the optimizer then releases the stale tap.
   */
  alive?: () => boolean;
  /** Restores the optimizer for a stale owner (what it queued stays its own to write or free). */
  release: () => void;
}

/** What the optimizer carries while tapped (an older gradwatch marked it with `true`). */
type Mark = TapOwner | true;
type Tappable = Optimizer & { [TAPPED]?: Mark };

/** The error for a second watch, saying who holds the optimizer and what to do, for each kind. */
function alreadyWatched(held: Mark, by: TapOwner['kind'] | undefined): Error {
  const where = by ?? 'gradwatch';
  const it = by === 'tensorBoard()' ? "the model's optimizer" : 'this optimizer';
  if (held === true) {
    return new Error(
      `${where}: ${it} is already watched by another copy of gradwatch loaded in this process`,
    );
  }
  if (held.kind === 'watchOptimizer()') {
    const then =
      by === 'tensorBoard()' ? 'before fitting with a tensorBoard() callback' : 'before watching it again';
    return new Error(
      `${where}: ${it} is already watched by watchOptimizer(); await the unwatch() it returned ${then}`,
    );
  }
  if (by === 'tensorBoard()') {
    return new Error(
      `${where}: ${it} is already watched by another tensorBoard() callback whose fit is running ` +
        '(two gradwatch callbacks in one fit, or two fits sharing one optimizer); pass one tensorBoard() ' +
        'callback per fit: it logs the metrics and the gradient statistics both',
    );
  }
  return new Error(
    `${where}: ${it} is watched by a tensorBoard() callback while its fit runs; call watchOptimizer() ` +
      'after fit returns, or let the callback log this training',
  );
}

/**
 * Installs the tap; returns a function that restores the optimizer exactly as it was. An optimizer
 * has one tap at a time: a second one throws an error naming the first one's owner, unless that
 * owner is gone (`alive()` false), whose tap is then released first.
 */
export function tapOptimizer(optimizer: Optimizer, hooks: TapHooks, owner?: TapOwner): () => void {
  if (!optimizer || typeof (optimizer as Partial<Optimizer>).applyGradients !== 'function') {
    throw new TypeError(
      `${owner?.kind ?? 'gradwatch'}: optimizer must be a tfjs Optimizer (an object with applyGradients), got ${describeValue(optimizer)}`,
    );
  }
  const target = optimizer as Tappable;
  const held = target[TAPPED];
  if (held !== undefined && held !== true && held.alive && !held.alive()) held.release();
  if (target[TAPPED] !== undefined) throw alreadyWatched(target[TAPPED]!, owner?.kind);
  const hadOwn = Object.hasOwn(target, 'applyGradients');
  const ownValue = hadOwn ? target.applyGradients : undefined;
  const original = target.applyGradients;
  // minimize() computes the loss and the gradients, then calls applyGradients: wrapping it and
  // computeGradients (both looked up on `this`) hands the step's loss to the hook.
  let loss: Tensor | undefined;
  /** The loss function of the step minimize() is running (fit's closes over its batch): a replay runs it again. */
  let lossFn: (() => Tensor) | undefined;
  let inMinimize = false;
  const own = {
    minimize: Object.hasOwn(target, 'minimize') ? target.minimize : undefined,
    computeGradients: Object.hasOwn(target, 'computeGradients') ? target.computeGradients : undefined,
  };
  const originalMinimize = target.minimize;
  const originalCompute = target.computeGradients;
  const patchedMinimize = function (this: Optimizer, ...args: Parameters<Optimizer['minimize']>) {
    inMinimize = true;
    lossFn = args[0] as () => Tensor;
    try {
      return originalMinimize.apply(this, args);
    } finally {
      inMinimize = false;
      loss = undefined;
      lossFn = undefined;
    }
  };
  const patchedCompute = function (this: Optimizer, ...args: Parameters<Optimizer['computeGradients']>) {
    const r = originalCompute.apply(this, args);
    if (inMinimize && r.value?.size === 1) loss = r.value;
    return r;
  };
  const patched = function (this: Optimizer, variableGradients: NamedTensorMap | NamedTensor[]): void {
    const grads: Gradient[] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => ({ name: g.name, tensor: g.tensor }))
      : Object.keys(variableGradients).map((name) => ({ name, tensor: variableGradients[name] }));
    const stepLoss = loss;
    loss = undefined;
    const replaced = hooks.before(grads, stepLoss, lossFn);
    if (replaced === 'skip') {
      hooks.after(grads, true);
      return;
    }
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
    hooks.after(grads, false);
  };
  target.applyGradients = patched;
  target.minimize = patchedMinimize as Optimizer['minimize'];
  target.computeGradients = patchedCompute as Optimizer['computeGradients'];
  const mark: Mark = owner ?? true;
  target[TAPPED] = mark;
  const restore = <K extends 'applyGradients' | 'minimize' | 'computeGradients'>(
    key: K,
    ours: unknown,
    had: boolean,
    value: Optimizer[K] | undefined,
  ) => {
    if (target[key] !== ours) return;
    if (had) target[key] = value!;
    else delete (target as Partial<Tappable>)[key];
  };
  return () => {
    restore('applyGradients', patched, hadOwn, ownValue);
    restore('minimize', patchedMinimize, own.minimize !== undefined, own.minimize);
    restore('computeGradients', patchedCompute, own.computeGradients !== undefined, own.computeGradients);
    loss = undefined;
    if (target[TAPPED] === mark) delete target[TAPPED];
  };
}

/** What a bad argument was, for an error message: `null`, `undefined`, `a number`, `an Object`. */
export function describeValue(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  const name = typeof x === 'object' ? ((x as object).constructor?.name ?? 'object') : typeof x;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}
