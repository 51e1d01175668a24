/**
 * The backends the behaviour suites run on: the pure-JS `cpu` always, and tfjs-node's native
 * `tensorflow`. tfjs-node is installed by `npm run setup:tfjs-node` (not by `npm install`, see
 * scripts/setup-tfjs-node.sh); without it the suites on it are skipped, except under CI=true, where
 * they run and fail with an error that says how to install it.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);

let loadError: Error | undefined;
let loaded = false;

let tfjsNode: unknown;

function loadTfjsNode(): void {
  if (loaded || loadError) return;
  try {
    process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
    // require, not import: tfjs-node is not a dependency, so the type-check must not need it.
    tfjsNode = require('@tensorflow/tfjs-node');
    loaded = true;
  } catch (err) {
    loadError = err as Error;
  }
}

/** The @tensorflow/tfjs-node module (for `tf.node.*`); throws like useBackend if it does not load. */
export function tfjsNodeModule(): unknown {
  if (!tfjsNodeLoads())
    throw new Error(`@tensorflow/tfjs-node does not load; run \`npm run setup:tfjs-node\``);
  return tfjsNode;
}

/** Whether @tensorflow/tfjs-node loads in this process. */
export function tfjsNodeLoads(): boolean {
  loadTfjsNode();
  return loaded;
}

/** Backends to run a behaviour suite on (describe.each). */
export function suiteBackends(): string[] {
  return ['cpu', ...(tfjsNodeLoads() || process.env.CI === 'true' ? ['tensorflow'] : [])];
}

/** Switches to `name` (loading tfjs-node for 'tensorflow'); fails clearly if it is not installed. */
export async function useBackend(name: string): Promise<void> {
  if (name === 'tensorflow' && !tfjsNodeLoads()) {
    throw new Error(
      `@tensorflow/tfjs-node does not load (${loadError?.message.split('\n')[0]}); run \`npm run setup:tfjs-node\``,
    );
  }
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} could not be initialised`);
  await tf.ready();
}
