"""Writes a logdir with third-party Python writers, then dumps what TensorBoard's own Python loader
reads from it, as JSON, so the gradwatch reader can be checked against TensorBoard on the same files.

Usage: python write_python_logdir.py <logdir> <out.json>

Runs written:
  tbx/       tensorboardX: add_scalar (simple_value), add_histogram (legacy histo), add_text
  tb_v2/     TensorBoard's TF-free summary helpers (plugins/*/summary_v2 *_pb): rank-0 DT_FLOAT scalars,
             [k,3] histogram tensors, string tensors; written with TensorBoard's EventFileWriter
  torch_like/ rank-0 DT_DOUBLE scalars with scalars metadata, as PyTorch writes with double precision
"""

import json
import os
import sys

import numpy as np
from tensorboard.backend.event_processing import plugin_event_accumulator as pea
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.histogram.summary_v2 import histogram_pb
from tensorboard.plugins.scalar.summary_v2 import scalar_pb
from tensorboard.plugins.text.summary_v2 import text_pb
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.util import tensor_util
from tensorboardX import SummaryWriter

from jsonnum import jnum

logdir, out_path = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(7)
SCALARS = [0.5, -1.25, 3.0e-7, 1234.5, float("nan"), float("inf"), float("-inf"), 0.0]

# --- tensorboardX ---
w = SummaryWriter(os.path.join(logdir, "tbx"))
for step, v in enumerate(SCALARS):
    w.add_scalar("tbx/loss", v, step)
for step in range(3):
    w.add_histogram("tbx/weights", rng.normal(size=1000) * (step + 1), step)
w.add_histogram("tbx/fixed_bins", np.array([0.1, 0.2, 0.2, 0.9]), 0, bins=[0.0, 0.5, 1.0])
w.add_text("tbx/note", "**bold** text", 0)
w.close()

# --- TensorBoard's own summary helpers, written by TensorBoard's EventFileWriter ---
ew = EventFileWriter(os.path.join(logdir, "tb_v2"))
for step, v in enumerate(SCALARS):
    ew.add_event(event_pb2.Event(step=step, wall_time=1700000000.0 + step, summary=scalar_pb("tb/acc", v)))
for step in range(3):
    ew.add_event(
        event_pb2.Event(
            step=step, wall_time=1700000000.0, summary=histogram_pb("tb/hist", rng.uniform(size=200) + step)
        )
    )
ew.add_event(event_pb2.Event(step=0, wall_time=1700000000.0, summary=text_pb("tb/text", "hello *world*")))
ew.close()

# --- rank-0 DT_DOUBLE scalars with scalars metadata (PyTorch's double_precision=True form) ---
ew = EventFileWriter(os.path.join(logdir, "torch_like"))
md = summary_pb2.SummaryMetadata(plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"))
for step, v in enumerate([0.1, 0.2, 1.0 / 3.0]):
    value = summary_pb2.Summary.Value(tag="torch/double", tensor=tensor_util.make_tensor_proto(np.float64(v)))
    if step == 0:
        value.metadata.CopyFrom(md)
    ew.add_event(event_pb2.Event(step=step, wall_time=1700000000.0, summary=summary_pb2.Summary(value=[value])))
ew.close()



# --- what TensorBoard's Python loader sees ---
result = {"written_scalars": [jnum(v) for v in SCALARS], "runs": {}}
for run in sorted(os.listdir(logdir)):
    acc = pea.EventAccumulator(os.path.join(logdir, run), size_guidance={"tensors": 0})
    acc.Reload()
    tags = {}
    for tag in acc.Tags()["tensors"]:
        plugin = acc.SummaryMetadata(tag).plugin_data.plugin_name
        points = []
        for ev in acc.Tensors(tag):
            arr = tensor_util.make_ndarray(ev.tensor_proto)
            if plugin == "scalars":
                value = jnum(arr.item())
            elif plugin == "histograms":
                value = [[jnum(c) for c in row] for row in arr.tolist()]
            elif plugin == "text":
                value = [b.decode("utf-8") for b in np.asarray(arr).reshape(-1)]
            else:
                continue
            points.append({"step": ev.step, "value": value})
        tags[tag] = {"plugin": plugin, "points": points}
    result["runs"][run] = tags

with open(out_path, "w") as f:
    json.dump(result, f)
