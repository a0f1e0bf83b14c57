#!/usr/bin/env bash
# Builds the Java peer into the ignored .cache/ folder at the repository root: resolves the
# classpath of pom.xml (fory-core, and Gson for the generative suite's JSON) with Maven (repository
# in .cache/m2) and compiles src/ with javac into .cache/java-peer/classes. Idempotent: a second
# run only rebuilds when the sources, the pom or the version changed. Exit 3 when java, javac or
# mvn is missing. (`run random ...` compiles each cases file's types at run time, with the JDK's
# compiler, into .cache/java-peer/random/.)
set -euo pipefail
FORY_VERSION=1.6.0

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cache="$root/.cache"
build="$cache/java-peer"

for tool in java javac mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "java peer: $tool not found" >&2
    exit 3
  fi
done
mkdir -p "$build"

# 1. The dependency classpath (fory-core, Gson and what they need), once per pom/version.
cp_file="$build/classpath-$FORY_VERSION.txt"
# A saved classpath whose jars are gone (the cache was written through another checkout's path,
# since moved or deleted) is resolved again.
classpath_present() {
  local jar
  while IFS= read -r -d ':' jar || [ -n "$jar" ]; do
    [ -f "$jar" ] || return 1
  done < "$cp_file"
}
if [ ! -s "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ] || ! classpath_present; then
  mvn_args=(-q -f "$here/pom.xml" -Dmaven.repo.local="$cache/m2" -Dfory.version="$FORY_VERSION"
    dependency:build-classpath -Dmdep.outputFile="$cp_file.tmp")
  # Offline first (the cache usually has everything), then online.
  if ! mvn -o "${mvn_args[@]}" >/dev/null 2>&1; then
    mvn "${mvn_args[@]}" >&2
  fi
  mv "$cp_file.tmp" "$cp_file"
fi
cp "$cp_file" "$build/classpath.txt"

# 2. The classes, whenever the sources or the classpath changed.
stamp="$(cd "$here" && { echo "$FORY_VERSION"; cat "$cp_file"; find src -name '*.java' | LC_ALL=C sort | xargs cat; } | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$build/stamp" 2>/dev/null)" != "$stamp" ] || [ ! -d "$build/classes" ]; then
  rm -rf "$build/classes"
  mkdir -p "$build/classes"
  (cd "$here" && find src -name '*.java' | LC_ALL=C sort > "$build/sources.txt")
  (cd "$here" && javac -nowarn -encoding UTF-8 --release 17 -parameters -d "$build/classes" \
    -cp "$(cat "$cp_file")" @"$build/sources.txt")
  echo "$stamp" > "$build/stamp"
fi
echo "java peer: $build/classes (fory-core $FORY_VERSION, $(java -version 2>&1 | head -1))"
