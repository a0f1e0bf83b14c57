#!/usr/bin/env bash
# Sets up the apache-rust peer: Apache Fory Rust (crate `fory`, pinned in peer/Cargo.toml and
# peer/Cargo.lock) for the generative suite (GENERATIVE.md). Builds, into the ignored
# .cache/apache-rust/ folder at the repository root:
#   - peer/ (the fixed crate: helpers, `codegen` and `rows`, the row format cases of ROWS.md)
#     with the dependencies, once;
#   - gen/, the crate `run random ...` fills with the code generated from a cases file; setup
#     builds it once with no cases, so the dependencies are compiled here, not on the first run.
# Both share .cache/apache-rust/target and one profile. Idempotent: cargo rebuilds only what
# changed. Exit 3 when cargo is missing.
set -euo pipefail
FORY_VERSION=1.7.7

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cache="$root/.cache/apache-rust"

if ! command -v cargo >/dev/null 2>&1; then
  echo "apache-rust peer: cargo not found" >&2
  exit 3
fi
if ! grep -q "^fory = \"=$FORY_VERSION\"\$" "$here/peer/Cargo.toml"; then
  echo "apache-rust peer: peer/Cargo.toml does not pin fory =$FORY_VERSION" >&2
  exit 1
fi
export CARGO_TARGET_DIR="$cache/target"
mkdir -p "$cache/gen/src" "$cache/bin"

# 1. The dependencies of the committed lock file: from the local registry cache when it has them
#    all, else downloaded. Every build after this one is offline.
if ! cargo fetch -q --offline --locked --manifest-path "$here/peer/Cargo.toml" 2>/dev/null; then
  cargo fetch -q --locked --manifest-path "$here/peer/Cargo.toml" >&2
fi

# 2. The fixed crate, codegen and the row format program.
cargo build -q --offline --locked --manifest-path "$here/peer/Cargo.toml" --bin codegen --bin rows >&2

# 3. The generated crate: its manifest (the same profile as peer/), the same lock file, and a
#    program without cases until `run` writes one.
manifest="[package]
name = \"apache-rust-gen\"
version = \"0.1.0\"
edition = \"2021\"
publish = false

[dependencies]
apache-rust-peer = { path = \"$here/peer\" }
fory = \"=$FORY_VERSION\"

[workspace]

[profile.dev]
debug = false
incremental = false"
if [ "$(cat "$cache/gen/Cargo.toml" 2>/dev/null)" != "$manifest" ]; then
  echo "$manifest" > "$cache/gen/Cargo.toml"
fi
if [ ! -f "$cache/gen/Cargo.lock" ] || [ "$here/peer/Cargo.lock" -nt "$cache/gen/Cargo.lock" ]; then
  cp "$here/peer/Cargo.lock" "$cache/gen/Cargo.lock"
fi
# Always the program without cases: whatever `run` left there may not compile any more.
echo '{"cases": []}' > "$cache/empty.json"
"$CARGO_TARGET_DIR/debug/codegen" "$cache/empty.json" "$cache/gen/src/main.rs"
cargo build -q --offline --manifest-path "$cache/gen/Cargo.toml" >&2
echo "apache-rust peer: $cache (fory $FORY_VERSION, $(cargo --version))"
