#!/usr/bin/env bash
# The speed figures in one go, from the project root:
#   benches/compare.sh [COUNTS="1000 10000"] [RUNS=3]
# - briefing vs Hugo on the same generated documents, cold and warm
#   (../shared/bench/compare-hugo: medians, peak memory, ratios in one run);
#   then again with every page rendered (`build --force`: the warm column is
#   then a full render, nothing taken from the previous site);
# - the five bundled seeds built by a fresh process, cold (no content/) and warm;
# - ingest throughput (cargo bench --bench ingest).
# The machine is shared: compare ratios from one run, not times across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-"1000 10000"}; runs=${2:-3}
cargo build --profile dist --quiet
bin=$(realpath target/dist/briefing)
force=$(mktemp); trap 'rm -f "$force"' EXIT; chmod +x "$force"
printf '#!/bin/sh\nexec "%s" "$@" --force\n' "$bin" >"$force"
for n in $counts; do
  echo "== compare-hugo $n documents"
  ../shared/bench/compare-hugo "$bin" "$n" "$runs"
  echo "== compare-hugo $n documents, build --force"
  ../shared/bench/compare-hugo "$force" "$n" "$runs"
done
echo "== five bundled seeds, one process per build (wall s, peak KB)"
seeds=$(mktemp -d); trap 'rm -rf "$seeds" "$force"' EXIT
cp -R seeds briefing.yaml "$seeds/"
for i in $(seq 1 "$runs"); do
  rm -rf "$seeds/content" "$seeds/public"
  /usr/bin/time -f "cold %e %M" "$bin" build --root "$seeds" >/dev/null 2>"$seeds/t" || true; tail -1 "$seeds/t"
done
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "warm %e %M" "$bin" build --root "$seeds" >/dev/null 2>"$seeds/t" || true; tail -1 "$seeds/t"
done
echo "== ingest throughput"
cargo bench --quiet --bench ingest
