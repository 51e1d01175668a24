"""Writes training-like logdirs with third-party writers, for `gradwatch analyze` and `export`, and
dumps every scalar written (run -> tag -> [[step, value]]) as JSON (NaN and infinities as strings).

Usage: python write_training_logdirs.py <logdir> <out.json>

Runs:
  torch_explodes/  tensorboardX: train/loss and train/grad_norm per step, val/loss every 10 steps,
                   grad/fc1.weight histograms every 10 steps; the norm grows 1.5x per step from
                   step 90, is +Inf from step 108, and the loss is NaN from step 110
  keras_healthy/   TensorBoard's summary helpers: batch_loss (DT_FLOAT tensors) falling for 200 steps,
                   grads/dense v2 histograms ([k,3] tensors) every 50 steps, a text note
  lightning_double/ rank-0 DT_DOUBLE tensors, as PyTorch writes them with double precision:
                   train_loss, grad_2.0_norm_total and grad_2.0_norm/layer{1,2}.weight for 200 steps,
                   layer2's norm 30x at step 150
  hist_only/       tensorboardX: only gradient histograms (gradients/fc1, gradients/fc2) for 60 steps;
                   fc2's gradients 100x larger at step 40
"""

import json
import math
import os
import sys

import numpy as np
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.histogram.summary_v2 import histogram_pb
from tensorboard.plugins.scalar.summary_v2 import scalar_pb
from tensorboard.plugins.text.summary_v2 import text_pb
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.util import tensor_util
from tensorboardX import SummaryWriter

from jsonnum import jnum

logdir, out_path = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(11)
written = {}


def record(run, tag, step, value):
    written.setdefault(run, {}).setdefault(tag, []).append([step, jnum(value)])



# --- tensorboardX, an explosion ---
w = SummaryWriter(os.path.join(logdir, "torch_explodes"))
for step in range(120):
    norm = 1.0 + 0.1 * rng.standard_normal()
    if step >= 90:
        norm *= 1.5 ** (step - 89)
    if step >= 108:
        norm = float("inf")
    loss = 1.0 / (1.0 + 0.05 * step) + 0.02 * rng.standard_normal()
    if step >= 95:
        loss *= 1.3 ** (step - 94)
    if step >= 110:
        loss = float("nan")
    w.add_scalar("train/loss", loss, step)
    w.add_scalar("train/grad_norm", norm, step)
    record("torch_explodes", "train/loss", step, np.float32(loss))
    record("torch_explodes", "train/grad_norm", step, np.float32(norm))
    if step % 10 == 0:
        w.add_scalar("val/loss", 2.0, step)
        record("torch_explodes", "val/loss", step, 2.0)
        w.add_histogram("grad/fc1.weight", rng.standard_normal(1000) * 0.01, step)
w.close()

# --- TensorBoard's own helpers (DT_FLOAT tensors), healthy ---
ew = EventFileWriter(os.path.join(logdir, "keras_healthy"))
for step in range(200):
    loss = 2.0 * math.exp(-step / 60.0) + 0.1 + 0.02 * rng.standard_normal()
    ew.add_event(event_pb2.Event(step=step, wall_time=1700000000.0 + step, summary=scalar_pb("batch_loss", loss)))
    record("keras_healthy", "batch_loss", step, np.float32(loss))
    if step % 50 == 0:
        # v2 histograms ([k,3] tensors) of 300 gradient values, and a text note
        ew.add_event(event_pb2.Event(step=step, wall_time=1700000000.0 + step, summary=histogram_pb("grads/dense", rng.standard_normal(300) * 0.01)))
ew.add_event(event_pb2.Event(step=0, wall_time=1700000000.0, summary=text_pb("notes", "lr 1e-3, *adam*")))
ew.close()

# --- DT_DOUBLE tensors (PyTorch double precision), one spike in layer2 ---
ew = EventFileWriter(os.path.join(logdir, "lightning_double"))
md = summary_pb2.SummaryMetadata(plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"))
for step in range(200):
    l1 = 0.5 * (1 + 0.05 * rng.standard_normal())
    l2 = 1.0 * (1 + 0.05 * rng.standard_normal())
    if step == 150:
        l2 *= 30
    values = {
        "train_loss": 0.5 + 0.02 * rng.standard_normal(),
        "grad_2.0_norm/layer1.weight": l1,
        "grad_2.0_norm/layer2.weight": l2,
        "grad_2.0_norm_total": math.sqrt(l1 * l1 + l2 * l2),
    }
    for tag, v in values.items():
        value = summary_pb2.Summary.Value(tag=tag, tensor=tensor_util.make_tensor_proto(np.float64(v)))
        if step == 0:
            value.metadata.CopyFrom(md)
        ew.add_event(event_pb2.Event(step=step, wall_time=1700000000.0 + step, summary=summary_pb2.Summary(value=[value])))
        record("lightning_double", tag, step, v)
ew.close()

# --- gradient histograms only ---
w = SummaryWriter(os.path.join(logdir, "hist_only"))
for step in range(60):
    w.add_histogram("gradients/fc1", rng.standard_normal(500) * 0.01, step)
    w.add_histogram("gradients/fc2", rng.standard_normal(500) * (1.0 if step == 40 else 0.01), step)
w.close()

with open(out_path, "w") as f:
    json.dump(written, f)
