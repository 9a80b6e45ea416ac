#!/usr/bin/env bash
# Cold builds of briefing and of Hugo taken in turn on the same generated
# documents, round after round, so that each round's builds see the same
# moment of a shared machine; from the project root:
#   benches/paired.sh [BINARY=target/dist/briefing] [COUNT=1000] [ROUNDS=12] [BASELINE]
# BASELINE, another briefing binary (an earlier build), joins every round.
# Prints per build its median wall time and CPU (user + system), then the
# medians of the per-round ratios: what compare-hugo's ratio would be if a
# neighbour's load fell on both tools alike (it times all of one tool's
# builds, then all of the other's).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
bin=$(realpath "${1:-target/dist/briefing}"); n=${2:-1000}; rounds=${3:-12}
baseline=${4:+$(realpath "$4")}
command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
python3 "$bench/gen_corpus.py" --count "$n" --layout raw --out "$w/b" >/dev/null
python3 "$bench/gen_corpus.py" --count "$n" --layout hugo --out "$w/h" >/dev/null
cp -R "$bench/hugo-site/." "$w/h/"
cp briefing.yaml "$w/b/"
cold() { # label, binary: one cold build (content, site and manifest deleted first)
  rm -rf "$w/b/content" "$w/b/public" "$w/b/.public.build.json"
  /usr/bin/time -a -o "$w/times" -f "$1 %e %U %S" "$2" build --root "$w/b" >/dev/null 2>&1
}
for _ in $(seq 1 "$rounds"); do
  cold briefing "$bin"
  [ -z "$baseline" ] || cold baseline "$baseline"
  rm -rf "$w/h/public"
  (cd "$w/h" && /usr/bin/time -a -o "$w/times" -f "hugo %e %U %S" hugo --quiet -d public >/dev/null 2>&1)
done
python3 - "$w/times" <<'EOF'
import statistics, sys
rounds, current = [], {}
for line in open(sys.argv[1]):
    label, wall, user, system = line.split()
    current[label] = (float(wall), float(user) + float(system))
    if label == "hugo":
        rounds.append(current)
        current = {}
labels = [l for l in ("briefing", "baseline", "hugo") if l in rounds[0]]
for l in labels:
    wall = statistics.median(r[l][0] for r in rounds)
    cpu = statistics.median(r[l][1] for r in rounds)
    print(f"{l}: median {wall:.3f} s wall, {cpu:.3f} s CPU ({len(rounds)} rounds)")
for a, b in [("briefing", "hugo"), ("baseline", "hugo"), ("briefing", "baseline")]:
    if a in labels and b in labels:
        ratio = lambda k: statistics.median(r[a][k] / r[b][k] for r in rounds)
        print(f"{a}/{b}: wall {ratio(0):.3f}x, CPU {ratio(1):.3f}x (medians of the per-round ratios)")
EOF
