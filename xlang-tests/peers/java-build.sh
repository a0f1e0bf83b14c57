#!/usr/bin/env bash
# Sourced by the Java peers' setup.sh (java, java-rows). Defines
#
#   build_java_peer LABEL HERE BUILD VERSION LIBRARY [MAVEN_ARG...]
#
# which builds the peer in HERE (pom.xml, src/) into BUILD (a folder under .cache/): resolves
# the pom's classpath with Maven into BUILD/classpath.txt (repository .cache/m2, offline first,
# once per pom and VERSION), then compiles src/ with javac into BUILD/classes whenever the
# sources or the classpath changed. LABEL names the peer in messages; LIBRARY (e.g. fory-core)
# is the pinned library, printed with VERSION. MAVEN_ARGs go to Maven (-Dfory.version=...).
# Exits 3 when java, javac or mvn is missing (the runner then skips the peer).
build_java_peer() {
  local label="$1" here="$2" build="$3" version="$4" library="$5"
  shift 5
  local tool
  for tool in java javac mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$label: $tool not found" >&2
      exit 3
    fi
  done
  mkdir -p "$build"

  # 1. The dependency classpath, once per pom and version. A saved classpath whose jars are gone
  #    (the cache was written through another checkout's path, since moved or deleted) is
  #    resolved again.
  local cp_file="$build/classpath-$version.txt"
  classpath_present() {
    local jar
    while IFS= read -r -d ':' jar || [ -n "$jar" ]; do
      [ -f "$jar" ] || return 1
    done < "$cp_file"
  }
  if [ ! -s "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ] || ! classpath_present; then
    local mvn_args=(-q -f "$here/pom.xml" -Dmaven.repo.local="$(dirname "$build")/m2" "$@"
      dependency:build-classpath -Dmdep.outputFile="$cp_file.tmp")
    # Offline first (the cache usually has everything), then online.
    if ! mvn -o "${mvn_args[@]}" >/dev/null 2>&1; then
      mvn "${mvn_args[@]}" >&2
    fi
    mv "$cp_file.tmp" "$cp_file"
  fi
  cp "$cp_file" "$build/classpath.txt"

  # 2. The classes, whenever the sources or the classpath changed.
  local stamp
  stamp="$(cd "$here" && { echo "$version"; cat "$cp_file"; find src -name '*.java' | LC_ALL=C sort | xargs cat; } | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$build/stamp" 2>/dev/null)" != "$stamp" ] || [ ! -d "$build/classes" ]; then
    rm -rf "$build/classes"
    mkdir -p "$build/classes"
    (cd "$here" && find src -name '*.java' | LC_ALL=C sort > "$build/sources.txt")
    (cd "$here" && javac -nowarn -encoding UTF-8 --release 17 -parameters -d "$build/classes" \
      -cp "$(cat "$cp_file")" @"$build/sources.txt")
    echo "$stamp" > "$build/stamp"
  fi
  echo "$label: $build/classes ($library $version, $(java -version 2>&1 | head -1))"
}
