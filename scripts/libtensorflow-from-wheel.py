"""Lays out the TensorFlow C library from a tensorflow-cpu wheel the way tfjs-node expects it.

Usage: python3 libtensorflow-from-wheel.py <tensorflow_cpu-*.whl> <out-dir>

Writes <out>/lib (libtensorflow_cc.so.2, which exports the C API since TF 2.12, and
libtensorflow_framework.so.2, with the libtensorflow.so* names tfjs-node links against and looks
for) and <out>/include (the headers the addon's sources include, with everything they include in
turn, found by the compiler itself with `g++ -MM`; the wheel keeps some under external/<repo>/,
which are moved to the paths the includes name). Called by scripts/setup-tfjs-node.sh.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

# What tfjs-node 4.22's binding/*.cc and *.h include from TensorFlow.
BINDING_INCLUDES = [
    "tensorflow/c/c_api.h",
    "tensorflow/c/eager/c_api.h",
    "tensorflow/c/tf_datatype.h",
    "tensorflow/c/tf_status.h",
    "tensorflow/c/tf_tensor.h",
    "tensorflow/core/platform/ctstring_internal.h",
]
LIBS = ["libtensorflow_cc.so.2", "libtensorflow_framework.so.2"]
# install.js skips its download when libtensorflow.so.2.9.1 exists; the binding links -ltensorflow.
ALIASES = {
    "libtensorflow.so": "libtensorflow_cc.so.2",
    "libtensorflow.so.2": "libtensorflow_cc.so.2",
    "libtensorflow.so.2.9.1": "libtensorflow_cc.so.2",
    "libtensorflow_framework.so": "libtensorflow_framework.so.2",
}


def main(wheel: str, out: str) -> None:
    z = zipfile.ZipFile(wheel)
    names = set(z.namelist())
    lib = os.path.join(out, "lib")
    os.makedirs(lib, exist_ok=True)
    for name in LIBS:
        member = f"tensorflow/{name}"
        if member not in names:
            sys.exit(f"{os.path.basename(wheel)} has no {member} (the C API is in it from TF 2.12 on)")
        with z.open(member) as src, open(os.path.join(lib, name), "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 22)
        os.chmod(os.path.join(lib, name), 0o755)
    for alias, target in ALIASES.items():
        path = os.path.join(lib, alias)
        if os.path.lexists(path):
            os.remove(path)
        os.symlink(target, path)

    with tempfile.TemporaryDirectory() as tmp:
        prefix = "tensorflow/include/"
        for n in names:
            if n.startswith(prefix) and n.endswith(".h"):
                z.extract(n, tmp)
        root = os.path.join(tmp, "tensorflow", "include")
        external = os.path.join(root, "external")
        roots = ["."]
        if os.path.isdir(external):
            roots += sorted(
                os.path.join("external", d)
                for d in os.listdir(external)
                if os.path.isdir(os.path.join(external, d))
            )
        probe = os.path.join(tmp, "probe.cc")
        with open(probe, "w") as f:
            f.writelines(f'#include "{h}"\n' for h in BINDING_INCLUDES)
        deps = subprocess.run(
            ["g++", "-std=c++17", "-MM", *[f"-I{r}" for r in roots], probe],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        # "probe.o: /tmp/.../probe.cc dep1.h dep2.h ..." with line continuations.
        headers = deps.replace("\\\n", " ").split()[2:]
        for h in headers:
            rel = os.path.normpath(h)
            for r in roots[1:]:
                if rel.startswith(r + os.sep):
                    rel = rel[len(r) + 1 :]
                    break
            dst = os.path.join(out, "include", rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy(os.path.join(root, h), dst)
        print(f"{len(headers)} headers in the include closure", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
