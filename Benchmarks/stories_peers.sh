#!/usr/bin/env bash
# Story clustering (issue 6), side by side with the peers, in the same harness rounds.
#
# Runs the shared peer harness (../shared/bench) with the release `corroborate-bench stories` as
# one more command beside the online single-pass peer of run_benchmarks.sh, so both are timed in
# the same round-robin rounds and the ratios are same-round medians:
#   load-only       Python read + json.loads of the corpus (the floor every Python peer pays; baseline)
#   online-single   scikit-learn TF-IDF fitted on the whole corpus, then one pass in publication
#                   order: join the cluster of the most similar earlier article within 72 h if the
#                   cosine reaches the threshold of results/params.json (tuned on dev_10k: 0.45)
#   corroborate     corroborate-bench stories: StoryClusterer, one article at a time in publication
#                   order, IDF learned as articles arrive, candidates through a rare-term index,
#                   72 h window; thresholds are the library's defaults (tuned on dev_10k only)
# Suites, as run_benchmarks.sh names them:
#   cluster_10k    10,000 articles  (5 rounds after one warm-up round)
#   cluster_100k   100,000 articles (3 rounds)
# Every labels file is then scored against `event` (and `thread`) with bench/score.py, as
# run_benchmarks.sh does (appended to results/quality.jsonl, tag cluster_<name>.<size>), and a
# table is printed with the shared bench/summarize.py.
#
# usage: Benchmarks/stories_peers.sh [cluster_10k] [cluster_100k]
#   RUNS_FAST=5 RUNS_SLOW=3     rounds per suite, as in run_benchmarks.sh
#   SCRATCH=.build-bench        SwiftPM scratch path of the release build (default: .build)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS_FAST=${RUNS_FAST:-5}
RUNS_SLOW=${RUNS_SLOW:-3}
SUITES=${*:-cluster_10k cluster_100k}

require_peers stories_peers

build_bench

enter_peers
THRESHOLD=$(P cluster_online-single threshold)

for suite in $SUITES; do
  case $suite in
  cluster_10k | cluster_100k)
    suite_corpus "$suite"
    echo "=== $suite (peer threshold $THRESHOLD)" >&2
    OUT=$(fresh_results "$suite")
    python bench/harness.py --runs "$RUNS" $WARMUP --baseline load-only --out "$OUT" \
      --cmd load-only "python bench/load_only.py $C" \
      --cmd online-single \
      "python bench/cluster_peer.py online-single --corpus $C --out $L/cluster_online-single.$N.tsv --threshold $THRESHOLD" \
      --cmd corroborate "$BIN stories --corpus $C --out $L/cluster_corroborate.$N.tsv"
    for m in online-single corroborate; do
      score "$L/cluster_$m.$N.tsv" "$T" event "cluster_$m.$N"
      score "$L/cluster_$m.$N.tsv" "$T" thread "cluster_$m.$N.vs_thread"
    done
    # summarize.py reads its results folder from argv[1] when imported: take the suite off first, leaving $R.
    python -c "import sys; t = sys.argv.pop(1); sys.path.insert(0, 'bench'); import summarize as s; s.corpus_table(t, 'cluster', s.quality())" \
      "${suite}_corroborate" "$R"
    ;;
  *)
    echo "stories_peers: unknown suite '$suite' (cluster_10k, cluster_100k)" >&2
    exit 2
    ;;
  esac
done
