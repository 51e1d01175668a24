/**
 * How every example says where its logs are and how to open them, and the line that silences
 * tfjs's "Hi, looks like you are running TensorFlow.js in Node.js" banner (printed by its cpu
 * backend on first use; production mode turns off tfjs's warnings and debug checks, which these
 * examples do not need; with @tensorflow/tfjs-node there is no banner).
 */
import * as tf from '@tensorflow/tfjs';

export function quietTfjs(): void {
  tf.enableProdMode();
}

export function openInTensorBoard(logdir: string): string {
  return [
    `Open it in TensorBoard (then http://localhost:6006):`,
    `  tensorboard --logdir ${logdir}`,
    `(no tensorboard? \`pipx run tensorboard --logdir ${logdir}\`, or ./.venv/bin/tensorboard after npm test)`,
  ].join('\n');
}
