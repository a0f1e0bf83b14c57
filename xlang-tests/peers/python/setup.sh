#!/usr/bin/env bash
# Sets up the Python peer: a venv in the ignored .cache/ folder (.cache/py-<version>) with the
# pinned pyfory and numpy (the numpy out-of-band cases write numpy arrays) and pyzmq (the
# ZeroMQ example fory-core/examples/zmq_python.py). The version is
# PYFORY_PIN below, or $PYFORY_VERSION when set: the peer python-1.7.7 (peers/python-1.7.7/) runs
# this script with PYFORY_VERSION=1.7.7, so each version has its own venv and both share peer.py.
# Idempotent: a second run only checks the installed versions. Exit 3 when python3 is missing.
set -euo pipefail
PYFORY_PIN=1.6.0
NUMPY_VERSION=2.4.6
PYZMQ_VERSION=27.3.0
version="${PYFORY_VERSION:-$PYFORY_PIN}"

root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="$root/.cache/py-$version"

if ! command -v python3 >/dev/null 2>&1; then
  echo "python peer: python3 not found" >&2
  exit 3
fi

installed() {
  "$venv/bin/python" -c "import pyfory, numpy, zmq, typing_extensions, sys; sys.exit(pyfory.__version__ != '$version' or numpy.__version__ != '$NUMPY_VERSION' or zmq.__version__ != '$PYZMQ_VERSION')" 2>/dev/null
}
if ! installed; then
  mkdir -p "$root/.cache"
  # An existing venv (a version bump, a package added to the pins) is kept and only topped up.
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  # pyfory falls back to typing_extensions on some paths without declaring it. `python -m pip`,
  # not bin/pip: a venv folder copied from elsewhere keeps a bin/pip that installs there.
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyfory==$version" \
    "numpy==$NUMPY_VERSION" "pyzmq==$PYZMQ_VERSION" typing_extensions
  installed
fi
echo "python peer: $venv/bin/python (pyfory $version, numpy $NUMPY_VERSION, pyzmq $PYZMQ_VERSION)"
