#!/usr/bin/env bash
# Near-duplicate detection (syndicated copies), side by side with the peers, in the same harness rounds.
#
# Runs the shared peer harness (../shared/bench) with the release `corroborate-bench dedup` added as
# one more command beside the peers of run_benchmarks.sh, so every command is timed in the same
# round-robin rounds and the ratios are same-round medians:
#   load-only     Python read + json.loads of the corpus (the floor every Python peer pays; baseline)
#   minhash       datasketch MinHash + MinHashLSH, 128 permutations, word 5-shingles, threshold from
#                 results/params.json (tuned on the dev corpus: 0.5)
#   minhash-0.8   the same at datasketch's usual threshold 0.8
#   corroborate   corroborate-bench dedup (one-permutation MinHash, 128 values, word 5-shingles, LSH,
#                 same threshold as minhash): all signatures, then candidate pairs, then verification
#   corroborate-incremental   the same with --mode incremental: each article meets its candidates
#                 among the earlier ones as it is read (NearDuplicateDetector, as syndication runs)
# Two suites, as run_benchmarks.sh names them:
#   dedup_10k    10,000 articles  (5 rounds after one warm-up round)
#   dedup_100k   100,000 articles (3 rounds)
# Every labels file is then scored against `copy_group` with bench/score.py, exactly as
# run_benchmarks.sh does (appended to results/quality.jsonl, tag dedup_<name>.<size>), and a table
# is printed with the shared bench/summarize.py.
#
# usage: Benchmarks/dedup_peers.sh [dedup_10k] [dedup_100k]
#   RUNS_FAST=5 RUNS_SLOW=3     rounds per suite, as in run_benchmarks.sh
#   SCRATCH=.build-bench        SwiftPM scratch path of the release build (default: .build)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS_FAST=${RUNS_FAST:-5}
RUNS_SLOW=${RUNS_SLOW:-3}
SUITES=${*:-dedup_10k dedup_100k}

require_peers dedup_peers

build_bench

enter_peers
THRESHOLD=$(P dedup_minhash threshold)

for suite in $SUITES; do
  case $suite in
  dedup_10k | dedup_100k)
    suite_corpus "$suite"
    echo "=== $suite (threshold $THRESHOLD)" >&2
    OUT=$(fresh_results "$suite")
    python bench/harness.py --runs "$RUNS" $WARMUP --baseline load-only --out "$OUT" \
      --cmd load-only "python bench/load_only.py $C" \
      --cmd minhash "python bench/dedup_peer.py minhash --corpus $C --out $L/dedup_minhash.$N.tsv --threshold $THRESHOLD" \
      --cmd minhash-0.8 "python bench/dedup_peer.py minhash --corpus $C --out $L/dedup_minhash-0.8.$N.tsv --threshold 0.8" \
      --cmd corroborate "$BIN dedup --corpus $C --out $L/dedup_corroborate.$N.tsv --threshold $THRESHOLD" \
      --cmd corroborate-incremental \
      "$BIN dedup --mode incremental --corpus $C --out $L/dedup_corroborate-incremental.$N.tsv --threshold $THRESHOLD"
    for m in minhash minhash-0.8 corroborate corroborate-incremental; do score "$L/dedup_$m.$N.tsv" "$T" copy_group "dedup_$m.$N"; done
    # summarize.py reads its results folder from argv[1] when imported: take the suite off first, leaving $R.
    python -c "import sys; t = sys.argv.pop(1); sys.path.insert(0, 'bench'); import summarize as s; s.corpus_table(t, 'dedup', s.quality())" \
      "${suite}_corroborate" "$R"
    ;;
  *)
    echo "dedup_peers: unknown suite '$suite' (dedup_10k, dedup_100k)" >&2
    exit 2
    ;;
  esac
done
