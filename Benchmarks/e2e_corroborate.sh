#!/usr/bin/env bash
# One end-to-end run of corroborate over a folder of feeds, as a user would chain the commands,
# timed phase by phase. Run by Benchmarks/e2e_peers.sh inside the peers' harness.
#
#   ingest    `corroborate ingest` into an empty store: parse, outlets, syndication (copies and
#             credits), claim extraction, story clustering
#   stories   `corroborate stories --format json` over every story: each story's claims aligned
#             and scored (claim groups, statuses), the list the labels are read from
#   report    `corroborate report --latest --format json`: the full report of the newest story
#
# usage: Benchmarks/e2e_corroborate.sh BIN REGISTRY FEEDS STORE OUT_PREFIX
#   writes OUT_PREFIX.ingest.json, OUT_PREFIX.stories.json and OUT_PREFIX.report.json; the last
#   line on stdout is one JSON object with the phases' seconds (the harness keeps it as metrics).
set -euo pipefail
BIN=$1
REGISTRY=$2
FEEDS=$3
STORE=$4
OUT=$5

now() { date +%s.%N; }
rm -f "$STORE" "$STORE-wal" "$STORE-shm"
t0=$(now)
"$BIN" ingest --quiet --json --db "$STORE" --registry "$REGISTRY" "$FEEDS" > "$OUT.ingest.json"
t1=$(now)
"$BIN" stories --format json --limit 10000000 --db "$STORE" > "$OUT.stories.json"
t2=$(now)
"$BIN" report --latest --format json --db "$STORE" > "$OUT.report.json"
t3=$(now)
rm -f "$STORE" "$STORE-wal" "$STORE-shm"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
  'BEGIN { printf "{\"ingest_s\": %.3f, \"stories_s\": %.3f, \"report_s\": %.3f, \"total_s\": %.3f}\n", b - a, c - b, d - c, d - a }'
