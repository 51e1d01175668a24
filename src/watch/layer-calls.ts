/**
 * Wrapping every layer's `call` on a model instance, for the activation statistics and the
 * post-mortem replay: each layer a model runs (nested models' layers included, each once) gets a
 * wrapper that sees its inputs and output; `restore` puts every call back as it was (an own
 * property restored, an inherited one deleted).
 */

/** What of a tfjs-layers Layer the wrappers use. */
export interface LayerLike {
  name: string;
  call: (inputs: unknown, kwargs: unknown) => unknown;
  getClassName(): string;
  /** A nested model's layers. */
  layers?: LayerLike[];
  activation?: { getClassName?: () => string };
  /** Recurrent layers: the cell holds the activation. */
  cell?: { activation?: { getClassName?: () => string } };
  trainableWeights?: Array<{ name: string; val?: { name: string } & object }>;
}

/** Runs the original call and returns its output (what a wrapper returns instead may differ). */
export type LayerCallWrapper = (layer: LayerLike, call: () => unknown, inputs: unknown) => unknown;

/**
 * Wraps the call of every layer of `model` (not input layers, not nested models themselves, whose
 * layers are wrapped). `onLayer` is told of each layer wrapped, in the order the model lists them.
 * Returns the function that restores them all.
 */
export function wrapLayerCalls(
  model: unknown,
  wrapper: LayerCallWrapper,
  onLayer?: (layer: LayerLike) => void,
  options: { nested?: boolean } = {},
): () => void {
  const restore: Array<() => void> = [];
  const seen = new Set<LayerLike>();
  const visit = (layer: LayerLike) => {
    if (seen.has(layer)) return;
    seen.add(layer);
    for (const inner of layer.layers ?? []) visit(inner);
    if (layer.getClassName() === 'InputLayer' || typeof layer.call !== 'function') return;
    if (layer.layers && !options.nested) return;
    onLayer?.(layer);
    const own = Object.hasOwn(layer, 'call');
    const original = layer.call;
    // A function, not an arrow: tfjs calls it with the layer as `this`.
    layer.call = function (this: unknown, inputs: unknown, kwargs: unknown) {
      return wrapper(layer, () => original.call(this, inputs, kwargs), inputs);
    };
    restore.push(() => {
      if (own) layer.call = original;
      else delete (layer as { call?: unknown }).call;
    });
  };
  for (const layer of (model as { layers: LayerLike[] }).layers) visit(layer);
  return () => {
    for (const r of restore.splice(0)) r();
  };
}
