#!/usr/bin/env bash
# kill -9 during ingest, TRIALS times: after each kill the store must open and pass SQLite's
# integrity check, and a re-run must finish with exactly the items of an uninterrupted run, every
# item with its claims and its story, and the analysis queue empty (a kill may land in storing,
# in analysis or in placing stories).
#
# usage: Scripts/crash_trials.sh [FEEDS_FOLDER]     (TRIALS=20 by default)
# Default input: the 1,000-feed workload of ../shared/bench when it is there, else the corpora.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRIALS=${TRIALS:-20}
INPUT=${1:-$HOME/.cache/corroborate-peers/data/feeds}
[ -d "$INPUT" ] || INPUT="$ROOT/corpora"
swift build -c release --package-path "$ROOT" --product corroborate >&2
BIN="$ROOT/.build/release/corroborate"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

count() {  # items, distinct identities, origins, integrity, items with claims, items still queued, items in stories,
           # whether the running totals (storeTally) agree with the rows
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
items = db.execute("SELECT COUNT(*) FROM item").fetchone()[0]
identities = db.execute("SELECT COUNT(DISTINCT outletID || ' ' || identity) FROM item").fetchone()[0]
origins = db.execute("SELECT COUNT(*) FROM item WHERE originID = id").fetchone()[0]
claimed = db.execute("SELECT COUNT(*) FROM itemClaims").fetchone()[0]
queued = db.execute("SELECT COUNT(*) FROM analysisQueue").fetchone()[0]
try:
    placed = db.execute("SELECT COUNT(*) FROM storyItem").fetchone()[0]
except sqlite3.OperationalError:  # killed before the stories table was made
    placed = 0
try:
    tally = db.execute("SELECT items, origins, copies, derived, versions FROM storeTally").fetchone()
    actual = (items, origins,
              db.execute("SELECT COUNT(*) FROM item WHERE relation = 'copy'").fetchone()[0],
              db.execute("SELECT COUNT(*) FROM item WHERE relation = 'derived'").fetchone()[0],
              db.execute("SELECT COUNT(*) FROM itemVersion").fetchone()[0])
    totals = "agree" if tally == actual else "differ"
except sqlite3.OperationalError:  # killed before the schema was made
    totals = "agree" if items == 0 else "differ"
print(items, identities, origins, db.execute("PRAGMA integrity_check").fetchone()[0], claimed, queued, placed, totals)
PY
}

start=$(date +%s.%N)
"$BIN" ingest --quiet --db "$WORK/reference.sqlite" --registry "$ROOT/feeds" "$INPUT" > /dev/null
seconds=$(python3 -c "import time; print(round(time.time() - $start, 2))")
read -r ref_items ref_identities ref_origins ref_check ref_claimed ref_queued ref_placed ref_totals < <(count "$WORK/reference.sqlite")
echo "reference: $ref_items items, $ref_origins origins, $ref_claimed with claims, integrity $ref_check, totals $ref_totals, ${seconds}s"

failures=0
for trial in $(seq 1 "$TRIALS"); do
  db="$WORK/trial-$trial.sqlite"
  "$BIN" ingest --quiet --db "$db" --registry "$ROOT/feeds" "$INPUT" > /dev/null 2>&1 &
  pid=$!
  delay=$(python3 -c "import random; print(round(random.uniform(0.05, $seconds * 0.95), 3))")
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  read -r killed_items _ _ killed_check killed_claimed _ _ killed_totals < <(count "$db")
  "$BIN" ingest --quiet --db "$db" --registry "$ROOT/feeds" "$INPUT" > /dev/null
  read -r items identities origins check claimed queued placed totals < <(count "$db")
  verdict=ok
  # Origins may differ by a few from the uninterrupted run (group origins are chosen among the
  # items seen so far); what must hold is that nothing committed is lost and nothing is doubled.
  if [ "$killed_check" != ok ] || [ "$check" != ok ] || [ "$items" != "$ref_items" ] \
     || [ "$identities" != "$items" ] || [ "$claimed" != "$items" ] || [ "$queued" != 0 ] \
     || [ "$placed" != "$items" ] || [ "$killed_totals" != agree ] || [ "$totals" != agree ]; then
    verdict=FAILED; failures=$((failures + 1))
  fi
  echo "trial $trial: killed after ${delay}s with $killed_items items, $killed_claimed with claims (integrity $killed_check); re-run: $items items, $claimed with claims, $placed in stories, $queued queued, $origins origins, totals $killed_totals/$totals: $verdict"
done
echo "$failures of $TRIALS trials failed"
[ "$failures" -eq 0 ]
