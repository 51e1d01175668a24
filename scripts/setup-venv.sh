#!/usr/bin/env bash
# Creates ./.venv with the pinned Python packages the TensorBoard compatibility tests and benchmarks use
# (tests/compat/requirements.txt). Re-installs only when that file changes. Under CI=true a failure is
# fatal; elsewhere it is a warning and the compatibility tests report themselves as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
req=tests/compat/requirements.txt
stamp=.venv/.requirements.sha256
want=$(sha256sum "$req" | cut -d' ' -f1)
if [[ -x .venv/bin/python && -f $stamp && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
fail() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "setup-venv: $1" >&2
    exit 1
  fi
  echo "setup-venv: warning: $1; TensorBoard compatibility tests will be skipped" >&2
  exit 0
}
command -v python3 >/dev/null || fail "python3 not found"
echo "setup-venv: installing $(grep -v '^#' "$req" | tr '\n' ' ')into .venv" >&2
python3 -m venv .venv || fail "could not create .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req" || fail "pip install failed"
echo "$want" >"$stamp"
