#!/usr/bin/env bash
# Claim extraction speed (issue 5): every article of the 100k corpus of ../shared/bench through
# ClaimExtractor on one thread (sentences, boilerplate, attribution, polarity, entities,
# quantities, times). Target: under 20 s for the 100k corpus.
#
# usage: Benchmarks/claims_bench.sh [corpus_10k|corpus_100k ...]   (RUNS=3 by default)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS=${RUNS:-3}

require_peers claims_bench

build_bench
enter_peers
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(corpus_100k)
for corpus in "${corpora[@]}"; do
  python bench/harness.py --runs "$RUNS" --out "$(fresh_results "claims_$corpus")" \
    --cmd "corroborate-claims-$corpus" "$BIN claims --corpus data/$corpus.jsonl"
done
