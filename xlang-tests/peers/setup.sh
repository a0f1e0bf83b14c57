#!/usr/bin/env bash
# Installs the pinned peer libraries into the ignored .cache/ folder at the repository root.
# Idempotent: a second run only checks what is there. Prints the interpreter path on success.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.cache"
PYFORY_VERSION=1.7.7

venv="$cache/py-$PYFORY_VERSION"
if ! "$venv/bin/python" -c "import pyfory, sys; sys.exit(pyfory.__version__ != '$PYFORY_VERSION')" 2>/dev/null; then
  mkdir -p "$cache"
  python3 -m venv "$venv"
  # pyfory 1.7.7 imports typing_extensions without declaring it.
  "$venv/bin/pip" install --quiet "pyfory==$PYFORY_VERSION" typing_extensions
fi
echo "python peer: $venv/bin/python (pyfory $PYFORY_VERSION)"
