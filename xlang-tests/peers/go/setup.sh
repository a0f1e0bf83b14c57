#!/usr/bin/env bash
# Builds the Go peer, its interop program (interop/) and the generative suite's program
# (random/, whose per-cases-file builds `run random` makes) against the pinned
# github.com/apache/fory/go/fory into the ignored .cache/ folder at the repository root.
# Idempotent: rebuilds only when a source file, go.mod or go.sum changed. Exit 3 when the Go
# toolchain is missing.
set -euo pipefail
FORY_GO_VERSION=v1.6.0

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/.cache/go-peer"

if ! command -v go >/dev/null 2>&1; then
  echo "go peer: go not found" >&2
  exit 3
fi
export GOMODCACHE="$root/.cache/gomod" GOFLAGS=-modcacherw GOTOOLCHAIN=local
# fory-go 1.6.0 declares go 1.25.0; an older local toolchain counts as missing.
goversion="$(go env GOVERSION)"
minor="$(echo "$goversion" | sed -n 's/^go1\.\([0-9]*\).*/\1/p')"
if [ -z "$minor" ] || [ "$minor" -lt 25 ]; then
  echo "go peer: needs go >= 1.25, found $goversion" >&2
  exit 3
fi
mkdir -p "$out"
cd "$here"

# Moving to another version is a change of FORY_GO_VERSION; go.mod/go.sum follow it here.
if ! grep -q "github.com/apache/fory/go/fory $FORY_GO_VERSION\$" go.mod; then
  go get "github.com/apache/fory/go/fory@$FORY_GO_VERSION" >&2
  go mod tidy >&2
fi

# The peer (this directory), the interop program (interop/) and the generative program
# without generated types (random/, which `run random` uses to generate them), one binary each.
stamp="$(cat go.mod go.sum *.go interop/*.go random/*.go | sha256sum | cut -d' ' -f1) $goversion"
if [ ! -x "$out/peer" ] || [ ! -x "$out/interop" ] || [ ! -x "$out/random" ] \
  || [ "$(cat "$out/stamp" 2>/dev/null)" != "$stamp" ]; then
  go build -o "$out/peer.tmp" .
  go build -o "$out/interop.tmp" ./interop
  go build -o "$out/random.tmp" ./random
  mv "$out/peer.tmp" "$out/peer"
  mv "$out/interop.tmp" "$out/interop"
  mv "$out/random.tmp" "$out/random"
  echo "$stamp" > "$out/stamp"
fi
echo "go peer: $out/peer (github.com/apache/fory/go/fory $FORY_GO_VERSION, $goversion)"
