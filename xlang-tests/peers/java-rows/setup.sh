#!/usr/bin/env bash
# Builds the Java row-format peer (ROWS.md) into the ignored .cache/ folder at the repository root:
# resolves the classpath of pom.xml (org.apache.fory:fory-format 0.16.0 with fory-core 0.16.0 and
# Apache Arrow 18.3.0) with Maven (repository in .cache/m2) and compiles src/ with javac into
# .cache/java-rows/classes (see ../java-build.sh). Idempotent: a second run only rebuilds when the
# sources or the pom changed. Exit 3 when java, javac or mvn is missing.
set -euo pipefail
FORMAT_VERSION=0.16.0

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
# shellcheck source=../java-build.sh
. "$here/../java-build.sh"
build_java_peer "java-rows peer" "$here" "$root/.cache/java-rows" "$FORMAT_VERSION" fory-format
