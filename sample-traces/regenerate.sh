#!/usr/bin/env bash
# Regenerates every sample trace listed in samples.txt with the simulator (overwriting them).
# Usage: bash sample-traces/regenerate.sh      (builds target/fabricscope.jar first if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$root/target/fabricscope.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q package -DskipTests)
fi
grep -vE '^\s*(#|$)' "$here/samples.txt" | while read -r name args; do
  # shellcheck disable=SC2086
  java -jar "$jar" simulate $args --force --out "$here/$name"
done
