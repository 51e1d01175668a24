"""Python half of `npm run bench`: times tensorboardX's writer and TensorBoard's Python event loader.

  python python_side.py write-scalars <dir> <n>
  python python_side.py write-histograms <dir> <n> <values_per_histogram>
  python python_side.py read <logdir>

Prints one JSON object. Timing starts after imports and data preparation, as on the Node side.
"""

import json
import os
import sys
import time

import numpy as np


def write_scalars(d, n):
    from tensorboardX import SummaryWriter

    w = SummaryWriter(d)
    t = time.perf_counter()
    for step in range(n):
        w.add_scalar("loss", 1.0 / (step + 1), step)
    w.close()
    return {"events": n, "seconds": time.perf_counter() - t}


def write_histograms(d, n, size):
    from tensorboardX import SummaryWriter

    rng = np.random.default_rng(0)
    data = [rng.normal(size=size).astype(np.float32) for _ in range(8)]
    w = SummaryWriter(d)
    t = time.perf_counter()
    for step in range(n):
        # 30 equal-width bins, as gradwatch's default, rather than the 1549-edge 'tensorflow' ladder.
        w.add_histogram("weights", data[step % 8], step, bins=30)
    w.close()
    return {"events": n, "seconds": time.perf_counter() - t}


def read(logdir):
    from tensorboard.backend.event_processing.event_file_loader import EventFileLoader

    files = []
    for root, _, names in os.walk(logdir):
        files += [os.path.join(root, f) for f in sorted(names) if "tfevents" in f]
    total = sum(os.path.getsize(f) for f in files)
    events = 0
    t = time.perf_counter()
    for f in sorted(files):
        for _ in EventFileLoader(f).Load():
            events += 1
    return {"events": events, "bytes": total, "seconds": time.perf_counter() - t}


def tbparse_load(logdir, kinds):
    """tbparse loading the logdir into DataFrames (one per kind), as a user does; time and peak RSS."""
    import resource

    from tbparse import SummaryReader

    t = time.perf_counter()
    reader = SummaryReader(logdir, pivot=False, extra_columns={"dir_name", "wall_time"})
    rows = 0
    for kind in kinds.split(","):
        rows += len(getattr(reader, kind))
    seconds = time.perf_counter() - t
    total = sum(
        os.path.getsize(os.path.join(r, f)) for r, _, names in os.walk(logdir) for f in names if "tfevents" in f
    )
    return {
        "rows": rows,
        "bytes": total,
        "seconds": seconds,
        "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "write-scalars":
        out = write_scalars(sys.argv[2], int(sys.argv[3]))
    elif cmd == "write-histograms":
        out = write_histograms(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "tbparse":
        out = tbparse_load(sys.argv[2], sys.argv[3])
    elif cmd == "read":
        out = read(sys.argv[2])
    else:
        raise SystemExit(f"unknown command {cmd}")
    print(json.dumps(out))
