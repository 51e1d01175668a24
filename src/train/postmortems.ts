/**
 * The callback's post-mortems of bad steps: when to replay (an error alert seen by the in-step gate,
 * at most MAX_POSTMORTEMS per callback), and where the result goes: the Text tab, JSON next to the
 * run's event files, the console, and with keepEvidence the weights and batch (watch/evidence.ts).
 */
import type { Scalar } from '@tensorflow/tfjs-core';
import { type LayersModel, version_layers } from '@tensorflow/tfjs-layers';
import type { Destination } from '../platform/destination.js';
import type { SummaryWriter } from '../summary/writer.js';
import {
  BatchCapture,
  captureWeights,
  describeModel,
  encodeEvidence,
  weightedLoss,
  weightingNote,
} from '../watch/evidence.js';
import { checkInt, checkKnownOptions } from '../watch/options.js';
import { type PostMortem, postMortemMarkdown, replayStep } from '../watch/postmortem.js';
import type { GradientCheck } from '../watch/step-stats.js';
import { describeValue } from '../watch/tap.js';

/** Evidence of a bad step is kept up to this size unless the user sets keepEvidence.maxBytes. */
const EVIDENCE_MAX_BYTES = 64 * 2 ** 20;
/** Post-mortems per callback at most: the first error of a run is the one that tells. */
const MAX_POSTMORTEMS = 3;

export type PostMortemOption = boolean | 'auto';
export type KeepEvidenceOption = boolean | { maxBytes?: number };

/** keepEvidence's size limit in bytes, or null when evidence is not kept. */
function evidenceLimit(v: KeepEvidenceOption | undefined, where: string): number | null {
  if (v === undefined || v === false) return null;
  if (v === true) return EVIDENCE_MAX_BYTES;
  if (v === null || typeof v !== 'object') {
    throw new TypeError(
      `${where}: keepEvidence must be true, false or { maxBytes }, got ${describeValue(v)}`,
    );
  }
  checkKnownOptions(v, ['maxBytes'], `${where}: keepEvidence`);
  if (v.maxBytes === undefined) return EVIDENCE_MAX_BYTES;
  checkInt('keepEvidence.maxBytes', v.maxBytes, 0, where);
  return v.maxBytes;
}

export interface PostMortemContext {
  destination: Destination;
  /** The train run's writer, when open. */
  train(): SummaryWriter | null;
  /** Whether the detector prints to the console (the post-mortem's line follows it). */
  printsToConsole(): boolean;
  warn(key: string, message: string): void;
}

export class PostMortems {
  /** false: never; true: the in-step check is turned on for them; 'auto': when it runs anyway. */
  readonly mode: PostMortemOption;
  readonly #evidenceMaxBytes: number | null;
  readonly #ctx: PostMortemContext;
  #count = 0;

  constructor(
    options: { postMortem?: PostMortemOption; keepEvidence?: KeepEvidenceOption },
    where: string,
    ctx: PostMortemContext,
  ) {
    const pm = options.postMortem ?? 'auto';
    if (pm !== 'auto' && typeof pm !== 'boolean')
      throw new TypeError(`${where}: postMortem must be true, false or 'auto', got ${describeValue(pm)}`);
    this.#evidenceMaxBytes = evidenceLimit(options.keepEvidence, where);
    if (this.#evidenceMaxBytes !== null && pm === false) {
      throw new TypeError(`${where}: keepEvidence needs the post-mortem, but postMortem is false`);
    }
    this.mode = this.#evidenceMaxBytes !== null ? true : pm;
    this.#ctx = ctx;
    if (this.#evidenceMaxBytes !== null && !ctx.destination.writeFile) {
      // Said now, before training: not only in post-mortems that may come hours later, or never.
      ctx.warn(
        'evidence-destination',
        `gradwatch: ${where}: keepEvidence: a ${ctx.destination.kind} keeps only event records, so no evidence of a bad step will be kept (post-mortems are still written, to the Text tab); keep it with files() in Node or browserStorage() in a page`,
      );
    }
  }

  /** Whether a step the gate has just judged gets a replay (an error alert, within the limit). */
  wanted(check: GradientCheck, hasError: boolean): boolean {
    return this.mode !== false && check.lossFn !== undefined && hasError && this.#count < MAX_POSTMORTEMS;
  }

  /** Replays the step (inside it: the update waits) and writes the post-mortem. */
  run(model: LayersModel, check: GradientCheck): void {
    this.#count++;
    const batch = this.#evidenceMaxBytes !== null ? new BatchCapture(model) : undefined;
    const p = replayStep(model, check.lossFn as () => Scalar, check.step, batch);
    if (batch) p.evidence = this.#keepEvidence(model, p, batch);
    this.#write(p);
  }

  /** Writes the evidence of a bad step next to the train run's event files. */
  #keepEvidence(model: LayersModel, p: PostMortem, batch: BatchCapture): PostMortem['evidence'] {
    const { destination: dest, warn } = this.#ctx;
    try {
      const modelLoss = weightedLoss(p.loss, batch.modelLoss());
      const encoded = encodeEvidence(
        {
          step: p.step,
          loss: p.loss,
          ...(modelLoss === undefined ? {} : { modelLoss }),
          ...describeModel(model),
          weights: captureWeights(model),
          inputs: batch.inputs,
          targets: batch.targets,
        },
        this.#evidenceMaxBytes!,
        `TensorFlow.js tfjs-layers v${version_layers} (kept by gradwatch)`,
      );
      if ('skipped' in encoded) return { skipped: encoded.skipped, bytes: encoded.bytes };
      const train = this.#ctx.train();
      if (!train) return { skipped: 'the train run is not open', bytes: encoded.bytes };
      if (!dest.writeFile)
        return { skipped: `a ${dest.kind} keeps only event records`, bytes: encoded.bytes };
      const dirName = `evidence-${p.step}`;
      const dir = dest.join(train.logdir, dirName);
      for (const f of encoded.files) dest.writeFile(dir, f.name, f.bytes);
      const notes = [
        ...([...batch.inputs, ...batch.targets].some((t) => t === null)
          ? ['part of the batch could not be seen in the replay (see batch.json)']
          : []),
        ...(modelLoss === undefined ? [] : [weightingNote(p.loss, modelLoss)]),
      ];
      return { dir: dirName, bytes: encoded.bytes, ...(notes.length ? { skipped: notes.join('; ') } : {}) };
    } catch (err) {
      warn('evidence', `gradwatch: could not keep the evidence of step ${p.step}: ${(err as Error).message}`);
      return { skipped: `could not be written: ${(err as Error).message}`, bytes: 0 };
    }
  }

  /** The post-mortem in the Text tab, as JSON next to the train run's event files, and on the console. */
  #write(p: PostMortem): void {
    const { destination: dest, warn } = this.#ctx;
    const train = this.#ctx.train();
    if (train) {
      train.text(`postmortem/${p.step}`, postMortemMarkdown(p), p.step);
      try {
        dest.writeFile?.(
          train.logdir,
          `postmortem-${p.step}.json`,
          new TextEncoder().encode(`${JSON.stringify(p, null, 1)}\n`),
        );
      } catch (err) {
        warn(
          'postmortem-json',
          `gradwatch: could not write the post-mortem as JSON: ${(err as Error).message}`,
        );
      }
    }
    if (!this.#ctx.printsToConsole()) return;
    const o = p.origin;
    const where = o.layer
      ? `the damage was created in the ${o.direction} pass, layer ${o.layer}`
      : o.direction === 'loss'
        ? 'the damage was created in the loss function'
        : 'no single origin';
    const evidence = p.evidence?.dir
      ? `; evidence kept in ${dest.join(train?.logdir ?? '', p.evidence.dir)}${p.evidence.skipped ? ` (${p.evidence.skipped})` : ''}`
      : p.evidence?.skipped
        ? `; evidence not kept: ${p.evidence.skipped}`
        : '';
    console.warn(
      `gradwatch: post-mortem of step ${p.step} (replayed in ${p.ms.toFixed(0)} ms): ${where}: ${o.why}${p.random ? ' (dropout: the replay drew new masks)' : ''}${evidence}`,
    );
  }
}
