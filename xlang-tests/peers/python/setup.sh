#!/usr/bin/env bash
# Sets up the Python peer: a venv in the ignored .cache/ folder with the pinned pyfory and numpy
# (the numpy out-of-band cases write numpy arrays).
# Idempotent: a second run only checks the installed version. Exit 3 when python3 is missing.
set -euo pipefail
PYFORY_VERSION=1.6.0
NUMPY_VERSION=2.4.6

root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="$root/.cache/py-$PYFORY_VERSION"

if ! command -v python3 >/dev/null 2>&1; then
  echo "python peer: python3 not found" >&2
  exit 3
fi

installed() {
  "$venv/bin/python" -c "import pyfory, numpy, typing_extensions, sys; sys.exit(pyfory.__version__ != '$PYFORY_VERSION' or numpy.__version__ != '$NUMPY_VERSION')" 2>/dev/null
}
if ! installed; then
  mkdir -p "$root/.cache"
  python3 -m venv "$venv"
  # pyfory falls back to typing_extensions on some paths without declaring it. `python -m pip`,
  # not bin/pip: a venv folder copied from elsewhere keeps a bin/pip that installs there.
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyfory==$PYFORY_VERSION" \
    "numpy==$NUMPY_VERSION" typing_extensions
  installed
fi
echo "python peer: $venv/bin/python (pyfory $PYFORY_VERSION, numpy $NUMPY_VERSION)"
