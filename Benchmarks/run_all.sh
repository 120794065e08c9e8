#!/usr/bin/env bash
# The whole benchmark suite (issue 9): every stage beside its peers of ../shared/bench, in the same
# harness calls (same rounds, medians, same-round ratios, peak RSS, the peers' scorer), at 10k and
# 100k articles, feeds to reports end to end, and the incremental cost of one poll into a store of
# 1M items; then the summary table written into BENCHMARKS.md between its markers.
#
# usage: Benchmarks/run_all.sh [--quick] [STAGE...]
#   stages (default: all, in this order): parse ingest dedup stories claims align e2e incremental
#   --quick   one round per command, the 10k suites only, the 1M point only if its store is already
#             built (and without the 1M stage runs); the table goes to the run's folder, not to
#             BENCHMARKS.md. About 6 minutes; the full run about 35 minutes, plus about 20 minutes
#             the first time to generate the 1M workload and build its store (cached afterwards).
#
# Each run keeps its records in a folder of its own in the peers' work folder,
# results/suite-<UTC time>/ (BENCH_RESULTS), so that no earlier run's rounds enter its medians.
# Benchmarks are scripts, never part of `swift test`.
set -euo pipefail
. "$(dirname "$0")/common.sh"

MODE=full
STAGES=()
for arg in "$@"; do
  case $arg in
  --quick) MODE=quick ;;
  parse | ingest | dedup | stories | claims | align | e2e | incremental) STAGES+=("$arg") ;;
  *)
    echo "run_all: unknown argument '$arg' (--quick, parse ingest dedup stories claims align e2e incremental)" >&2
    exit 2
    ;;
  esac
done
[ ${#STAGES[@]} -gt 0 ] || STAGES=(parse ingest dedup stories claims align e2e incremental)

require_peers run_all

export BENCH_RESULTS=${BENCH_RESULTS:-results/suite-$(date -u +%Y%m%dT%H%M%S)}
if [ "$MODE" = quick ]; then
  export RUNS=1 RUNS_FAST=1 RUNS_SLOW=1 WARMUP=0 SCALE_STAGES=0
  SIZES=(10k)
else
  SIZES=(10k 100k)
fi
suites() { for n in "${SIZES[@]}"; do printf '%s_%s ' "$1" "$n"; done; }

# One release build for every script (they rebuild only what changed, which is nothing), in
# SCRATCH (default .build).
export SCRATCH=${SCRATCH:-$ROOT/.build}
swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" >&2

started=$(date +%s)
B=$ROOT/Benchmarks
for stage in "${STAGES[@]}"; do
  echo "##### $stage ($(($(date +%s) - started)) s into the run)" >&2
  case $stage in
  parse) "$B/parse_peers.sh" feeds big ;;
  ingest) "$B/ingest_peers.sh" ;;
  dedup) "$B/dedup_peers.sh" $(suites dedup) ;;
  stories) "$B/stories_peers.sh" $(suites cluster) ;;
  claims) "$B/claims_bench.sh" $(suites corpus) ;;
  align) "$B/align_peers.sh" $(suites align) ;;
  e2e) "$B/e2e_peers.sh" ;;
  incremental)
    if [ "$MODE" = quick ] && [ ! -f "${BENCH_SCALE:-$HOME/.cache/corroborate-scale}/store.sqlite" ]; then
      echo "run_all --quick: no 1M store yet (a full run builds it); the incremental point is skipped" >&2
    else
      RUNS=$([ "$MODE" = quick ] && echo 3 || echo "${RUNS:-5}") "$B/incremental_bench.sh"
    fi
    ;;
  esac
done
echo "##### done in $(($(date +%s) - started)) s" >&2

enter_peers
TARGET=$ROOT/BENCHMARKS.md
[ "$MODE" = quick ] && TARGET=$R/summary.md
python "$B/summary_table.py" "$R" "$TARGET" --mode "$MODE" --commit "$(git -C "$ROOT" rev-parse --short HEAD)"
echo "run_all: the table is in $TARGET; the records in $WORK/$R" >&2
