#!/usr/bin/env bash
# Builds the Java peer into the ignored .cache/ folder at the repository root: resolves the
# classpath of pom.xml (fory-core, and Gson for the generative suite's JSON) with Maven (repository
# in .cache/m2) and compiles src/ with javac into .cache/java-peer/classes (see ../java-build.sh).
# Idempotent: a second run only rebuilds when the sources, the pom or the version changed. Exit 3
# when java, javac or mvn is missing. (`run random ...` compiles each cases file's types at run
# time, with the JDK's compiler, into .cache/java-peer/random/.)
set -euo pipefail
FORY_VERSION=1.6.0

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
# shellcheck source=../java-build.sh
. "$here/../java-build.sh"
build_java_peer "java peer" "$here" "$root/.cache/java-peer" "$FORY_VERSION" fory-core \
  -Dfory.version="$FORY_VERSION"
