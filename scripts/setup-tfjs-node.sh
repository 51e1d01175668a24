#!/usr/bin/env bash
# Installs @tensorflow/tfjs-node into ./node_modules for the tests and benchmarks that run on the native
# `tensorflow` backend, without the network access its own install step needs.
#
# Why a script: tfjs-node's install step (scripts/install.js) downloads libtensorflow and a prebuilt
# addon from storage.googleapis.com, which our machines cannot reach. Instead we take the TensorFlow C
# library from the `tensorflow-cpu` wheel on PyPI (libtensorflow_cc.so.2 exports the C API), lay it out
# as the libtensorflow tarball would (deps/lib, deps/include), and let install.js build the addon from
# source with node-gyp against it: install.js skips the download when deps/lib/libtensorflow.so.2.9.1
# exists, and a "tf-lib" key in scripts/custom-binary.json makes it build instead of fetching the addon.
# (The route was worked out in ../shared/tools/install-tfjs-node.sh; this is the project's own copy of
# the steps, reduced to the PyPI source.)
#
# Why not a dependency in package.json: npm runs install scripts of devDependencies on `npm install`,
# and this one fails without network access to Google's storage, which would break the README's two
# commands. So tfjs-node is installed here with --no-save (package.json and the lock stay as they are;
# a later `npm install`/`npm ci` removes it again: run this script again after one).
#
# Cost: a 262 MB wheel download and about 1.1 GB of disk, cached in $LIBTF_CACHE (default
# ~/.cache/gradwatch-libtensorflow), then about 30 s to build the addon.
#
# Usage: npm run setup:tfjs-node      Env: TF_PYPI_VERSION (default 2.21.0), LIBTF_CACHE, PYTHON.
# Under CI=true a failure is fatal; elsewhere it is a warning and the tfjs-node tests skip.
set -euo pipefail
cd "$(dirname "$0")/.."

TFJS_NODE_VERSION=4.22.0
TF_PYPI_VERSION="${TF_PYPI_VERSION:-2.21.0}"
CACHE="${LIBTF_CACHE:-$HOME/.cache/gradwatch-libtensorflow}"
PY="${PYTHON:-python3}"
TFN=node_modules/@tensorflow/tfjs-node

log() { echo "setup-tfjs-node: $*" >&2; }
fail() {
  if [[ "${CI:-}" == "true" ]]; then
    log "ERROR: $1"
    exit 1
  fi
  log "warning: $1; the tfjs-node tests will be skipped"
  exit 0
}

check() {
  TF_CPP_MIN_LOG_LEVEL=2 node -e '
    const tf = require("@tensorflow/tfjs-node");
    if (tf.getBackend() !== "tensorflow") process.exit(1);
    const s = tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0];
    if (s !== 6) process.exit(1);
    console.error(`setup-tfjs-node: tfjs-node ${tf.version["tfjs-node"]} on TensorFlow ${tf.backend().binding.TF_Version}`);
  ' 2>&1 | grep -v -e '^WARNING: All log' -e 'oneDNN' >&2
}

[[ -f node_modules/@tensorflow/tfjs-core/package.json ]] || fail "run npm install first"
if [[ -f $TFN/package.json ]] && ls $TFN/lib/napi-v*/tfjs_binding.node >/dev/null 2>&1 && check; then
  exit 0
fi

for t in node npm "$PY" g++ make; do command -v "$t" >/dev/null || fail "missing tool: $t"; done
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || fail "only Linux x86_64 is handled"

# node-gyp needs Node's headers; it would download them from nodejs.org unless told where they are.
if [[ -z "${npm_config_nodedir:-}" ]]; then
  prefix="$(dirname "$(dirname "$(node -p 'require("fs").realpathSync(process.execPath)')")")"
  for d in "$prefix" /usr /usr/local; do
    if [[ -f $d/include/node/common.gypi && -f $d/include/node/node_api.h ]]; then
      export npm_config_nodedir="$d"
      break
    fi
  done
  [[ -n "${npm_config_nodedir:-}" ]] || fail "no Node headers (include/node/node_api.h) next to node"
fi

# 1. The TensorFlow C library and its C API headers, from the wheel (cached).
LIB="$CACHE/tensorflow-cpu-$TF_PYPI_VERSION"
if [[ ! -f $LIB/.complete ]]; then
  rm -rf "$LIB"
  mkdir -p "$CACHE/downloads" "$LIB"
  log "downloading tensorflow-cpu==$TF_PYPI_VERSION from PyPI (262 MB)"
  "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --python-version 3.11 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d "$CACHE/downloads" "tensorflow-cpu==$TF_PYPI_VERSION" >&2 ||
    fail "pip download of tensorflow-cpu==$TF_PYPI_VERSION failed"
  whl=$(ls -1 "$CACHE"/downloads/tensorflow_cpu-"$TF_PYPI_VERSION"-*.whl | head -1)
  "$PY" scripts/libtensorflow-from-wheel.py "$whl" "$LIB" || fail "could not extract the C library from $whl"
  touch "$LIB/.complete"
fi

# 2. The npm package, without its install script, and without touching package.json or the lock.
if [[ ! -f $TFN/package.json ]]; then
  npm install --no-save --ignore-scripts --no-audit --no-fund "@tensorflow/tfjs-node@$TFJS_NODE_VERSION" >&2 ||
    fail "npm install @tensorflow/tfjs-node failed"
fi
# tfjs-node pins @tensorflow/tfjs; a second copy of tfjs-core would register the backend on an engine
# gradwatch never sees.
[[ ! -d $TFN/node_modules/@tensorflow/tfjs-core ]] || fail "tfjs-node got its own copy of tfjs-core"

# 3. Stage deps/ as the libtensorflow tarball would, then build the addon with tfjs-node's own script.
rm -rf "$TFN/deps" "$TFN/lib" "$TFN/build"
mkdir -p "$TFN/deps"
cp -al "$LIB/lib" "$LIB/include" "$TFN/deps/" 2>/dev/null || cp -a "$LIB/lib" "$LIB/include" "$TFN/deps/"
echo "{\"tf-lib\": \"gradwatch:tensorflow-cpu-$TF_PYPI_VERSION\"}" >"$TFN/scripts/custom-binary.json"
log "building the addon (node-gyp)"
npm rebuild @tensorflow/tfjs-node --foreground-scripts >&2 || fail "building tfjs_binding.node failed"
check || fail "tfjs-node does not load"
