#!/usr/bin/env bash
# Builds the Java row-format peer (ROWS.md) into the ignored .cache/ folder at the repository root:
# resolves the classpath of pom.xml (org.apache.fory:fory-format 0.16.0 with fory-core 0.16.0 and
# Apache Arrow 18.3.0) with Maven (repository in .cache/m2) and compiles src/ with javac into
# .cache/java-rows/classes. Idempotent: a second run only rebuilds when the sources or the pom
# changed. Exit 3 when java, javac or mvn is missing.
set -euo pipefail
FORMAT_VERSION=0.16.0

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cache="$root/.cache"
build="$cache/java-rows"

for tool in java javac mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "java-rows peer: $tool not found" >&2
    exit 3
  fi
done
mkdir -p "$build"

# 1. The dependency classpath, once per pom.
cp_file="$build/classpath-$FORMAT_VERSION.txt"
# A saved classpath whose jars are gone (written through another checkout's path) is resolved again.
classpath_present() {
  local jar
  while IFS= read -r -d ':' jar || [ -n "$jar" ]; do
    [ -f "$jar" ] || return 1
  done < "$cp_file"
}
if [ ! -s "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ] || ! classpath_present; then
  mvn_args=(-q -f "$here/pom.xml" -Dmaven.repo.local="$cache/m2"
    dependency:build-classpath -Dmdep.outputFile="$cp_file.tmp")
  # Offline first (the cache usually has everything), then online.
  if ! mvn -o "${mvn_args[@]}" >/dev/null 2>&1; then
    mvn "${mvn_args[@]}" >&2
  fi
  mv "$cp_file.tmp" "$cp_file"
fi
cp "$cp_file" "$build/classpath.txt"

# 2. The classes, whenever the sources or the classpath changed.
stamp="$(cd "$here" && { echo "$FORMAT_VERSION"; cat "$cp_file"; find src -name '*.java' | LC_ALL=C sort | xargs cat; } | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$build/stamp" 2>/dev/null)" != "$stamp" ] || [ ! -d "$build/classes" ]; then
  rm -rf "$build/classes"
  mkdir -p "$build/classes"
  (cd "$here" && find src -name '*.java' | LC_ALL=C sort > "$build/sources.txt")
  (cd "$here" && javac -nowarn -encoding UTF-8 --release 17 -parameters -d "$build/classes" \
    -cp "$(cat "$cp_file")" @"$build/sources.txt")
  echo "$stamp" > "$build/stamp"
fi
echo "java-rows peer: $build/classes (fory-format $FORMAT_VERSION, $(java -version 2>&1 | head -1))"
