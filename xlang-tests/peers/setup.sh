#!/usr/bin/env bash
# Sets up every peer (java, python, python-1.7.7, go) by running its own setup.sh: each installs
# its pinned library into the ignored .cache/ folder, idempotently. A peer whose toolchain is
# missing is reported as skipped; the conformance runner calls the same scripts itself.
set -uo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
status=0
for peer in java python python-1.7.7 go; do
  bash "$dir/$peer/setup.sh"
  case $? in
    0) ;;
    3) echo "$peer peer: skipped (toolchain missing)" ;;
    *) echo "$peer peer: setup failed" >&2; status=1 ;;
  esac
done
exit $status
