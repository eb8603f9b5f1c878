#!/usr/bin/env bash
# Same scenario + seed + patch switches => byte-identical output on two different JDKs.
#
# Builds target/fabricscope.jar once (with the JDK Maven runs on), then runs the same headless
# commands with each JDK and compares sha256 sums of every trace file and every JSON summary.
# Exits 0 if all match, 1 on any difference (and keeps the outputs for diffing), 2 on setup errors.
#
# Usage: scripts/determinism-across-jdks.sh [JDK_A_HOME [JDK_B_HOME]]
#   defaults: /usr/lib/jvm/java-17-openjdk-amd64 and /usr/lib/jvm/temurin-25-jdk-amd64
#   SKIP_BUILD=1 reuses an existing target/fabricscope.jar.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jdk_a="${1:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk_b="${2:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="$root/target/fabricscope.jar"

for jdk in "$jdk_a" "$jdk_b"; do
  if [ ! -x "$jdk/bin/java" ]; then
    echo "determinism-across-jdks: no java at $jdk/bin/java" >&2
    exit 2
  fi
done

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -o -q package -DskipTests)
fi

# name | command line (output file or JSON goes to stdout/--out, added below)
cases=(
  "repro-legacy-a1      |simulate --scenario fpre004-repro --seed 1 --attempt 1 --patch none"
  "repro-legacy-a6      |simulate --scenario fpre004-repro --seed 1 --attempt 6 --patch none"
  "repro-legacy-s42a3   |simulate --scenario fpre004-repro --seed 42 --attempt 3 --patch none"
  "repro-patched-s42a3  |simulate --scenario fpre004-repro --seed 42 --attempt 3 --patch all"
  "repro-reorder-s7     |simulate --scenario fpre004-repro --seed 7 --attempt 2 --patch reorder"
  "repro-barrier-s7     |simulate --scenario fpre004-repro --seed 7 --attempt 2 --patch barrier"
  "repro-backoff-s7     |simulate --scenario fpre004-repro --seed 7 --attempt 2 --patch backoff"
  "repro-nojitter-s9    |simulate --scenario fpre004-repro --seed 9 --set ackJitterMicrosMax=0"
  "repro-negseed        |simulate --scenario fpre004-repro --seed -8070450532247928832 --attempt 4"
  "pilot-rack-s3        |simulate --scenario pilot-rack --seed 3"
  "file-x-s5            |simulate --scenario file-x --seed 5"
  "quiet-s11-patched    |simulate --scenario quiet --seed 11 --patch all"
  "find-repro-s1.json   |find-repro --scenario fpre004-repro --seed 1 --threads 2 --json"
  "soak-pilot.json      |soak --scenario pilot-rack --reads 20000 --json"
)

out="$(mktemp -d "${TMPDIR:-/tmp}/fabricscope-jdks.XXXXXX")"
run_all() {
  local label="$1" jdk="$2"
  mkdir -p "$out/$label"
  "$jdk/bin/java" -version 2>&1 | head -1 > "$out/$label/java-version.txt"
  for c in "${cases[@]}"; do
    local name="${c%%|*}" args="${c#*|}"
    name="$(echo "$name" | tr -d ' ')"
    # shellcheck disable=SC2086
    if [ "${args%% *}" = simulate ]; then
      "$jdk/bin/java" -jar "$jar" $args --out "$out/$label/$name.jsonl" > /dev/null
    else
      # find-repro exits 1 when nothing is found; the output is compared either way.
      "$jdk/bin/java" -jar "$jar" $args > "$out/$label/$name" || [ $? -eq 1 ]
    fi
  done
}

run_all a "$jdk_a"
run_all b "$jdk_b"

echo "A: $(cat "$out/a/java-version.txt")"
echo "B: $(cat "$out/b/java-version.txt")"
differences=0
for f in "$out"/a/*; do
  name="$(basename "$f")"
  [ "$name" = java-version.txt ] && continue
  sum_a="$(sha256sum < "$f" | cut -c1-64)"
  sum_b="$(sha256sum < "$out/b/$name" | cut -c1-64)"
  if [ "$sum_a" = "$sum_b" ]; then
    printf 'same    %s  %-24s %10d bytes\n' "${sum_a:0:16}" "$name" "$(wc -c < "$f")"
  else
    printf 'DIFFERS %s/%s  %s\n' "${sum_a:0:16}" "${sum_b:0:16}" "$name"
    differences=$((differences + 1))
  fi
done

if [ "$differences" -gt 0 ]; then
  echo "$differences output(s) differ between the JDKs; outputs kept in $out (diff $out/a $out/b)" >&2
  exit 1
fi
rm -rf "$out"
echo "all ${#cases[@]} outputs byte-identical on both JDKs"
