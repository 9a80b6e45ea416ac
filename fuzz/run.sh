#!/usr/bin/env bash
# Runs each fuzz target for a bounded time on stable Rust (libFuzzer with
# sanitizer coverage; no nightly, no cargo-fuzz needed).
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s, all targets
# BRIEFING_FUZZ_SEED=N repeats one run's sequence of inputs (CI sets it, so
# that a run there tries what the same run tried here); unset, every run
# tries new inputs.
# Corpora live in fuzz/corpus/<target> (seeded from the fixtures and seeds);
# crashes land in fuzz/artifacts/<target>: copy each into
# tests/fixtures/fuzz-regressions/<target>/ so `cargo test` replays it.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ingest pdf content site_build)
triple="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo build --release --target "$triple" --bins
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  case "$t" in
    ingest) cp -n ../seeds/*.txt "corpus/$t/" 2>/dev/null || true ;;
    pdf) cp -n ../tests/fixtures/pdf/*.pdf "corpus/$t/" 2>/dev/null || true ;;
    *) cp -n ../tests/fixtures/*/content/*.md "corpus/$t/" 2>/dev/null || true ;;
  esac
  cp -n ../tests/fixtures/fuzz-regressions/"$t"/* "corpus/$t/" 2>/dev/null || true
  echo "== $t: ${seconds}s"
  "target/$triple/release/$t" "corpus/$t" -artifact_prefix="artifacts/$t/" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=200000 -print_final_stats=1 \
    -seed="${BRIEFING_FUZZ_SEED:-0}"
done
