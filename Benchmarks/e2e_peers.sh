#!/usr/bin/env bash
# Feeds to reports, end to end, side by side with the peers' end-to-end pipeline, in the same
# harness rounds (issue 9).
#
# The workload: the 1,000 feeds of ../shared/bench (104.6 MB, 50,000 items). Commands, in each round:
#   xmllint-stream            `xmllint --stream --noout` over the files (the libxml2 floor; baseline)
#   pipeline-fastfeedparser   bench/pipeline_peer.py: fastfeedparser, HTML stripped, datasketch
#                             MinHash-LSH copies, scikit-learn TF-IDF online single-pass stories
#                             (thresholds of results/params.json, tuned on the dev corpus)
#   corroborate               Benchmarks/e2e_corroborate.sh: `ingest` into an empty store (parse,
#                             syndication, claims, stories), `stories --format json` (every story's
#                             claims aligned and scored), `report --latest --format json`
# Both write labels keyed by item guid, scored with the peers' bench/score.py against
# data/feeds/truth.tsv: stories against `event` (B-cubed and pair F1), copies against
# `copy_group_guid` (pair F1); appended to $R/quality.jsonl as e2e_<command>.event / .copy_group.
#
# usage: Benchmarks/e2e_peers.sh      (RUNS=3 rounds after a warm-up round; WARMUP=0 skips it)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS=${RUNS:-3}

require_peers e2e_peers

build_cli
BIN=$CLI
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

enter_peers
F=data/feeds
T=data/feeds/truth.tsv
warmup=--warmup
[ "${WARMUP:-1}" = 0 ] && warmup=
python bench/harness.py --runs "$RUNS" $warmup --baseline xmllint-stream --out "$(fresh_results e2e_feeds)" \
  --cmd xmllint-stream "xmllint --stream --noout $F/*.xml" \
  --cmd pipeline-fastfeedparser \
  "python bench/pipeline_peer.py $F --parser fastfeedparser --out-prefix $L/e2e_pipeline-fastfeedparser --dup-threshold $(P dedup_minhash threshold) --threshold $(P cluster_online-single threshold)" \
  --cmd corroborate "$ROOT/Benchmarks/e2e_corroborate.sh $BIN $ROOT/feeds $F $TMP/e2e.sqlite $L/e2e_corroborate"

python "$ROOT/Benchmarks/stories_labels.py" "$L/e2e_corroborate.stories.json" "$L/e2e_corroborate" >&2
for m in pipeline-fastfeedparser corroborate; do
  score "$L/e2e_$m.clusters.tsv" "$T" event "e2e_$m.event"
  score "$L/e2e_$m.dups.tsv" "$T" copy_group_guid "e2e_$m.copy_group"
done
grep '"tag": "e2e_' "$R/quality.jsonl" | tail -4 >&2
