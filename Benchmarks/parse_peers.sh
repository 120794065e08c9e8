#!/usr/bin/env bash
# Feed parsing, side by side with the peers, in the same harness rounds.
#
# Runs the shared peer harness (../shared/bench) with the release `corroborate` binary added as one
# more command, so every peer is timed in the same round-robin rounds and the ratios are same-round
# medians. Two suites, as the parser issue asks:
#   feeds  1,000 feeds, 104.6 MB, 50,000 items: wall time against `xmllint --stream --noout`
#   big    one 50 MB feed, 14,508 items: peak memory (target: under 64 MB)
#
# usage: Benchmarks/parse_peers.sh [feeds] [big]     (RUNS=5 by default; FEEDPARSER=1 adds feedparser)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
SUITES=${*:-feeds big}

require_peers parse_peers

# The Swift runtime linked statically, as a Linux binary is shipped: no dynamic linking of
# libswiftCore at start-up, and direct calls into it (about 5% of the wall time on this workload).
build_cli
BIN=$CLI

enter_peers
slow=()

for suite in $SUITES; do
  case $suite in
  feeds)
    F=data/feeds
    [ "${FEEDPARSER:-0}" = 1 ] && slow=(--cmd feedparser "python bench/parse_peer.py feedparser $F")
    python bench/harness.py --runs "$RUNS" --warmup --baseline xmllint-stream \
      --out "$(fresh_results parse_feeds)" \
      --cmd cat "cat $F/*.xml > /dev/null" \
      --cmd xmllint-stream "xmllint --stream --noout $F/*.xml" \
      --cmd fastfeedparser "python bench/parse_peer.py fastfeedparser $F" \
      "${slow[@]}" \
      --cmd corroborate "$BIN parse --stats $F"
    ;;
  big)
    F=data/big_feed.xml
    python bench/harness.py --runs "$RUNS" --warmup --baseline xmllint-stream \
      --out "$(fresh_results parse_big)" \
      --cmd cat "cat $F > /dev/null" \
      --cmd xmllint-stream "xmllint --stream --noout $F" \
      --cmd fastfeedparser "python bench/parse_peer.py fastfeedparser $F" \
      --cmd corroborate "$BIN parse --stats --max-bytes 67108864 $F"
    ;;
  *)
    echo "parse_peers: unknown suite '$suite' (feeds, big)" >&2
    exit 2
    ;;
  esac
done
