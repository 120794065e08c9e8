#!/usr/bin/env bash
# Claim alignment and number conflicts (issue 6), side by side with the rapidfuzz peer, in the same
# harness rounds.
#
# Runs the shared peer harness (../shared/bench) with the release `corroborate-bench align` beside
# the peer of run_benchmarks.sh's align suites, so both are timed in the same round-robin rounds:
#   token_sort_ratio  bench/align_peer.py, rapidfuzz token_sort_ratio, tau from results/params.json
#                     (tuned on the dev corpus: 60); the baseline of the "x baseline" column
#   corroborate       corroborate-bench align: ClaimSimilarity terms once per article, ClaimAligner
#                     (threshold 0.5, tuned on dev_10k with --grid), NumberConflictDetector
# Both follow the peer's protocol: article pairs of one gold event that are not copies, the truth
# file's oracle sentences, every sentence of the earlier article matched to its best in the later
# one and kept at or above the threshold; conflicts scored on the correct pairs with digits on
# both sides. Each prints its P/R/F1 as the last JSON line; the table comes from bench/summarize.py.
#   align_10k    10,000 articles  (5 rounds after one warm-up round)
#   align_100k   100,000 articles (3 rounds)
#
# usage: Benchmarks/align_peers.sh [align_10k] [align_100k]     (default: align_100k)
#   RUNS_FAST=5 RUNS_SLOW=3     rounds per suite, as in run_benchmarks.sh
#   SCRATCH=.build-bench        SwiftPM scratch path of the release build (default: .build)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS_FAST=${RUNS_FAST:-5}
RUNS_SLOW=${RUNS_SLOW:-3}
SUITES=${*:-align_100k}

require_peers align_peers

build_bench

enter_peers
TAU=$(P align_token_sort_ratio tau)

for suite in $SUITES; do
  case $suite in
  align_10k | align_100k)
    suite_corpus "$suite"
    echo "=== $suite (token_sort_ratio tau $TAU)" >&2
    OUT=$(fresh_results "$suite")
    python bench/harness.py --runs "$RUNS" $WARMUP --baseline token_sort_ratio --out "$OUT" \
      --cmd token_sort_ratio "python bench/align_peer.py --corpus $C --truth $T --scorer token_sort_ratio --tau $TAU" \
      --cmd corroborate "$BIN align --corpus $C --truth $T"
    # summarize.py reads its results folder from argv[1] when imported: take the suite off first, leaving $R.
    python -c "import sys; t = sys.argv.pop(1); sys.path.insert(0, 'bench'); import summarize as s; s.align_table(t)" \
      "${suite}_corroborate" "$R"
    ;;
  *)
    echo "align_peers: unknown suite '$suite' (align_10k, align_100k)" >&2
    exit 2
    ;;
  esac
done
