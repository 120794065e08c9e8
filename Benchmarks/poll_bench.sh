#!/usr/bin/env bash
# Polling 1,000 feeds on a loopback server where a fifth are faulty (Benchmarks/poll_fault_server.py:
# 404, 500, 503 and 429 with Retry-After, a slow drip, silence, a redirect loop, garbage, 20 MiB,
# 410, a redirect to file:), in one `poll --once --all --concurrency 32`, then a second cycle.
#
# The targets (issue 8): every healthy feed ingested within 60 s, faulty feeds backed off and none
# dropped, peak memory under 200 MB, the second cycle mostly 304s.
#
# Each cycle runs the whole pipeline after the fetches, as `poll` does by default: ingest with
# syndication, then claims and stories over what is new. NO_ANALYSIS=1 stops after the ingest.
#
# usage: Benchmarks/poll_bench.sh        (needs the 1,000-feed workload of ../shared/bench: setup.sh)
#        EVERY=1 Benchmarks/poll_bench.sh    the first cycle as a `poll --every` daemon's
set -euo pipefail
. "$(dirname "$0")/common.sh"
require_peers poll_bench

swift build -c release --package-path "$ROOT" --product corroborate >&2
BIN="$ROOT/.build/release/corroborate"
TMP=$(mktemp -d)
PORT=${PORT:-18931}
python3 "$ROOT/Benchmarks/poll_fault_server.py" "$WORK/data/feeds" "$PORT" "$TMP/feeds.opml" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do [ -f "$TMP/feeds.opml.faults" ] && break; sleep 0.1; done
sleep 0.5

DB="$TMP/poll.sqlite"
"$BIN" feeds import "$TMP/feeds.opml" --db "$DB" --registry "$ROOT/feeds" --outlet bench-wire >&2
healthy=$(grep -c $'\thealthy$' "$TMP/feeds.opml.faults")
echo "feeds: $(wc -l < "$TMP/feeds.opml.faults"), healthy: $healthy"

cycle() {
  if [ "${EVERY:-0}" = 1 ] && [ "$1" = 1 ]; then
    # The first cycle of a `poll --every` daemon, which keeps its window and clusterer after it:
    # the cycle's time from its log line, the peak from /proc just before the stop.
    "$BIN" poll --every 1h --all --concurrency 32 --no-registry-feeds ${NO_ANALYSIS:+--no-analysis} \
      --db "$DB" --registry "$ROOT/feeds" > "$TMP/stderr.$1" 2>&1 &
    local daemon=$!
    until grep -q "feeds polled" "$TMP/stderr.$1"; do sleep 0.2; done
    local peak
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$daemon/status")
    kill -TERM "$daemon"; wait "$daemon" || true
    grep "feeds polled" "$TMP/stderr.$1" | sed 's/.*\] //'
    echo "daemon cycle, $peak KB peak RSS"
    echo "  feed errors reported: $(grep -c 'warning' "$TMP/stderr.$1" || true)"
    return
  fi
  /usr/bin/time -f "%e s wall, %M KB peak RSS" "$BIN" poll --once --all --concurrency 32 --no-registry-feeds \
    ${NO_ANALYSIS:+--no-analysis} --db "$DB" --registry "$ROOT/feeds" 2> "$TMP/stderr.$1" || true
  tail -1 "$TMP/stderr.$1"
  echo "  feed errors reported: $(grep -c '^corroborate: http' "$TMP/stderr.$1" || true)"
}
echo "cycle 1:"; cycle 1
"$BIN" feeds list --format json --db "$DB" > "$TMP/list.json"
python3 - "$TMP/list.json" "$TMP/feeds.opml.faults" "$DB" <<'PY'
import json, sqlite3, sys
feeds = {f["url"].rsplit("/", 1)[-1]: f for f in json.load(open(sys.argv[1]))["feeds"]}
last, first = sqlite3.connect(sys.argv[3]).execute(
    "SELECT max(lastSuccessAt), min(lastFetchedAt) FROM feed").fetchone()
print(f"  every healthy feed ingested within {last - first:.1f} s of the first answer")
faults = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[2]))
healthy_ok = sum(1 for n, k in faults.items() if k == "healthy" and feeds[n]["lastSuccess"])
backed_off = sum(1 for n, k in faults.items() if k not in ("healthy", "gone") and feeds[n]["errorCount"] > 0 and not feeds[n]["retired"])
retired = sum(1 for n, k in faults.items() if feeds.get(n, {}).get("retired"))
print(f"  healthy feeds ingested: {healthy_ok}/{sum(1 for k in faults.values() if k == 'healthy')}; "
      f"faulty backed off: {backed_off}; retired (410): {retired}; feeds kept: {len(feeds)}/{len(faults)}")
PY
echo "cycle 2:"; cycle 2
