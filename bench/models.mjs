/**
 * The reference models of the overhead benchmark (and of the op-count test): small enough to train in
 * a benchmark, chosen to span the step times users see (a 4 ms tabular step on tfjs-node to seconds
 * on the pure-JS backend) and the variable counts that drive gradwatch's cost (6 to 40 variables).
 */
/**
 * @typedef {object} BenchModel
 * @property {string} key
 * @property {string} name
 * @property {number} batchSize
 * @property {string} loss
 * @property {string[]} [skip] backends the benchmark leaves out (see the model)
 * @property {(tf: any) => any} build
 * @property {(tf: any, n: number) => { x: any, y: any }} data
 */

/** @type {BenchModel[]} */
export const MODELS = [
  {
    key: 'tabular',
    name: 'tabular 20-64-64-1, batch 32',
    batchSize: 32,
    loss: 'meanSquaredError',
    build: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 64, activation: 'relu', inputShape: [20] }),
          tf.layers.dense({ units: 64, activation: 'relu' }),
          tf.layers.dense({ units: 1 }),
        ],
      }),
    data: (tf, n) => ({ x: tf.randomNormal([n, 20]), y: tf.randomNormal([n, 1]) }),
  },
  {
    key: 'mlp',
    name: 'MLP 784-256-256-10, batch 128',
    batchSize: 128,
    loss: 'categoricalCrossentropy',
    build: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 256, activation: 'relu', inputShape: [784] }),
          tf.layers.dense({ units: 256, activation: 'relu' }),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
    data: (tf, n) => ({
      x: tf.randomUniform([n, 784]),
      y: tf.oneHot(tf.randomUniform([n], 0, 10, 'int32'), 10),
    }),
  },
  {
    key: 'deep',
    name: 'deep MLP, 20 Dense layers (40 variables), batch 32',
    batchSize: 32,
    loss: 'meanSquaredError',
    build: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 64, activation: 'relu', inputShape: [32] }),
          ...Array.from({ length: 18 }, () => tf.layers.dense({ units: 64, activation: 'relu' })),
          tf.layers.dense({ units: 1 }),
        ],
      }),
    data: (tf, n) => ({ x: tf.randomNormal([n, 32]), y: tf.randomNormal([n, 1]) }),
  },
  {
    key: 'lstm',
    name: 'LSTM 64 units, sequence 32, batch 32',
    batchSize: 32,
    loss: 'meanSquaredError',
    build: (tf) =>
      tf.sequential({
        layers: [tf.layers.lstm({ units: 64, inputShape: [32, 8] }), tf.layers.dense({ units: 1 })],
      }),
    data: (tf, n) => ({ x: tf.randomNormal([n, 32, 8]), y: tf.randomNormal([n, 1]) }),
  },
  {
    key: 'cnn',
    name: 'CNN conv16-pool-conv32-pool-dense10 on 28x28, batch 64',
    batchSize: 64,
    loss: 'categoricalCrossentropy',
    // wasm lacks Conv2DBackpropFilter; on the pure-JS backend one batch of 64 takes about 12 s.
    skip: ['wasm', 'cpu'],
    build: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
    data: (tf, n) => ({
      x: tf.randomUniform([n, 28, 28, 1]),
      y: tf.oneHot(tf.randomUniform([n], 0, 10, 'int32'), 10),
    }),
  },
];

/**
 * The tfjs module for a backend, set and ready: tfjs-node for `tensorflow` (its own tfjs), else the
 * tfjs union package, with the wasm backend registered for `wasm`. Throws if the backend is absent.
 */
export async function loadBackend(backend) {
  let tf;
  if (backend === 'tensorflow') {
    process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
    tf = await import('@tensorflow/tfjs-node');
  } else {
    tf = await import('@tensorflow/tfjs');
    if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  }
  await tf.setBackend(backend);
  await tf.ready();
  if (tf.getBackend() !== backend) throw new Error(`backend ${backend} is not available`);
  return tf;
}
