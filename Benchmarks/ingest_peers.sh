#!/usr/bin/env bash
# Ingest, end to end, side by side with parsing alone and with the peers, in the same harness rounds.
#
# The target (issue 4): ingesting the 1,000-feed workload (104.6 MB, 50,000 items) into a fresh
# SQLite store, with syndication (near-duplicate signatures, credits, origins), takes under 3x the
# time of `corroborate parse --stats` on the same files. Each ingest run starts from an empty store.
# It runs with --no-analysis: claim extraction is the next stage (issue 5), timed by
# Benchmarks/claims_bench.sh, and is not part of storing and collapsing copies.
#
# usage: Benchmarks/ingest_peers.sh        (RUNS=3 by default; PIPELINE=1 adds the Python pipeline peer)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS=${RUNS:-3}

require_peers ingest_peers

build_cli
BIN=$CLI
STORE=$(mktemp -d)/ingest.sqlite
trap 'rm -rf "$(dirname "$STORE")"' EXIT

enter_peers
F=data/feeds
extra=()
[ "${PIPELINE:-0}" = 1 ] && extra=(--cmd pipeline-fastfeedparser \
  "python bench/pipeline_peer.py $F --parser fastfeedparser --out-prefix $L/pipeline_ffp_ingestbench")
python bench/harness.py --runs "$RUNS" --warmup --baseline corroborate-parse \
  --out "$(fresh_results ingest_feeds)" \
  --cmd xmllint-stream "xmllint --stream --noout $F/*.xml" \
  --cmd corroborate-parse "$BIN parse --stats $F" \
  "${extra[@]}" \
  --cmd corroborate-ingest "rm -f $STORE $STORE-wal $STORE-shm && $BIN ingest --quiet --json --no-analysis --db $STORE --registry $ROOT/feeds $F"
