/**
 * tfjs-node half of the writer benchmark: `tf.node.summaryFileWriter` with its defaults (a queue of
 * 10 events, flushed by the native writer), timed like bench/node-side.ts from after the import to
 * the final flush. Prints { events, seconds }, or { unavailable } when tfjs-node does not load.
 *
 *   write-scalars <dir> <n> | write-histograms <dir> <n> <size>
 */
process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
const [cmd, dir, a, b] = process.argv.slice(2);

let tf;
try {
  tf = await import('@tensorflow/tfjs-node');
} catch (err) {
  process.stdout.write(`${JSON.stringify({ unavailable: String(err.message).split('\n')[0] })}\n`);
  process.exit(0);
}

const n = Number(a);
let seconds;
if (cmd === 'write-scalars') {
  const t = performance.now();
  const w = tf.node.summaryFileWriter(dir);
  for (let step = 0; step < n; step++) w.scalar('loss', 1 / (step + 1), step);
  w.flush();
  seconds = (performance.now() - t) / 1000;
} else if (cmd === 'write-histograms') {
  const size = Number(b);
  // The same 8 arrays as bench/node-side.ts, as tensors (what this writer takes).
  const data = Array.from({ length: 8 }, (_, k) =>
    tf.tensor1d(
      Float32Array.from({ length: size }, (_, i) => (Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1),
    ),
  );
  const t = performance.now();
  const w = tf.node.summaryFileWriter(dir);
  for (let step = 0; step < n; step++) w.histogram('weights', data[step % 8], step, 30);
  w.flush();
  seconds = (performance.now() - t) / 1000;
} else {
  throw new Error(`unknown command ${cmd}`);
}
process.stdout.write(`${JSON.stringify({ events: n, seconds })}\n`);
