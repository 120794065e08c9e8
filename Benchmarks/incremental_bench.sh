#!/usr/bin/env bash
# The incremental cost (issue 9): one new 50-item feed poll into a store that already holds 1M
# items, ingested and fully processed as the CLI does it (target: at most 200 ms); and the 1M point
# of the incremental stages (near-duplicates as syndication meets them, and story clustering).
#
# The workload is made once and cached outside the repository, in $BENCH_SCALE (default
# ~/.cache/corroborate-scale, about 12 GB with the store):
#   1. the peers' generator (../shared/bench/gen/gen.py corpus, seed 1) writes 1,000,050 articles
#      over 300 days (the density of the 100k corpus, 30 days), about 5 minutes of CPU and 8 GB;
#   2. Benchmarks/scale_workload.py takes out the newest 50 articles of the busiest outlet as the
#      poll (poll.xml, one RSS 2.0 document) and leaves 1,000,000 for the store;
#   3. `corroborate ingest` of those 1,000,000 articles into store.sqlite (syndication, claims,
#      stories: the full pipeline), once; the time and peak memory go to store.log.
# Delete the folder (or set REBUILD_STORE=1) after a schema change to build the store again.
#
# Then, in the peers' harness, each round copies the store to a scratch file (its own command, so
# that every timed run starts from the same store; it waits for the copy's 9 GB to reach the disk,
# so that the write-back does not land in the timed run) and runs
#     corroborate ingest --db SCRATCH --outlet OUTLET poll.xml
# which parses the poll, stores its items with their origins, extracts their claims and places
# them in stories, as `poll` does after fetching: a one-shot process, loading what it needs from
# the store (the syndication window, the story clusterer's window). Then the same poll as a
# `poll --every` daemon meets it (Benchmarks/daemon_cycle.py, on another fresh copy): the poll
# served on a loopback port, the daemon started (it loads its window and clusterer once), and its
# first cycle timed by its own log line, start-up not counted. One warm-up round first (page cache).
# With SCALE_STAGES=1 (the default), the 1M point of the incremental stages follows:
# `corroborate-bench dedup --mode incremental` and `corroborate-bench stories` over the store's
# 1,000,000 articles, scored against the truth with the peers' bench/score.py. The peers are not
# run at 1M: datasketch and the TF-IDF online peer need about 10x their 100k memory (1.44 GB and
# 1.0 GB there).
#
# usage: Benchmarks/incremental_bench.sh       (RUNS=5 poll rounds; RUNS_1M=1; SCALE_STAGES=0 skips the 1M stages)
set -euo pipefail
. "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
RUNS_1M=${RUNS_1M:-1}
SCALE=${BENCH_SCALE:-$HOME/.cache/corroborate-scale}

require_peers incremental_bench

build_cli
build_bench
PY="$WORK/venv/bin/python"
mkdir -p "$SCALE"

if [ ! -f "$SCALE/corpus.jsonl" ] || [ ! -f "$SCALE/poll.xml" ]; then
  echo "incremental_bench: generating 1,000,050 articles into $SCALE (once)" >&2
  "$PY" "$SHARED/bench/gen/gen.py" corpus --n 1000050 --seed 1 --span-days 300 --out "$SCALE/generated.jsonl"
  "$PY" "$ROOT/Benchmarks/scale_workload.py" "$SCALE/generated.jsonl" "$SCALE" >&2
  rm -f "$SCALE/generated.jsonl" "$SCALE/generated.truth.jsonl"
fi

STORE=$SCALE/store.sqlite
if [ ! -f "$STORE" ] || [ "${REBUILD_STORE:-0}" = 1 ]; then
  echo "incremental_bench: building the 1M store (once; 20 to 50 minutes on 2 cores, 9 GB)" >&2
  rm -f "$STORE" "$STORE-wal" "$STORE-shm"
  /usr/bin/time -v -o "$SCALE/store.time" "$CLI" ingest --quiet --json --db "$STORE" --registry "$ROOT/feeds" \
    "$SCALE/corpus.jsonl" > "$SCALE/store.json" || true
  # One file to copy: the write-ahead log folded into the store.
  "$PY" -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$STORE"
  {
    echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) by $(git -C "$ROOT" rev-parse --short HEAD)"
    grep -E "Elapsed|Maximum resident" "$SCALE/store.time"
    echo "store $(du -h "$STORE" | cut -f1)"
  } > "$SCALE/store.log"
fi
cat "$SCALE/store.log" >&2

# A store built by an older Corroborate is brought up to date once, in place, as a user's first
# run after upgrading would do it: the current binary migrates it, and a run with nothing new to
# place stores the story clusterer's features of the placed items of the last two windows (the
# stage reads them instead of their texts from then on). The timed polls then measure the steady
# state. `ingest` of an empty folder is such a run; it says the folder holds no feeds (exit 1).
if ! "$PY" - "$STORE" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
try:
    sys.exit(0 if db.execute("SELECT COUNT(*) FROM storyFeatures").fetchone()[0] > 0 else 1)
except sqlite3.OperationalError:
    sys.exit(1)
PY
then
  echo "incremental_bench: bringing the cached store up to date (once)" >&2
  EMPTY=$(mktemp -d)
  "$CLI" ingest --quiet --json --db "$STORE" --registry "$ROOT/feeds" "$EMPTY" > /dev/null 2>&1 || true
  rmdir "$EMPTY"
  "$PY" -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$STORE"
  echo "upgraded $(date -u +%Y-%m-%dT%H:%M:%SZ) by $(git -C "$ROOT" rev-parse --short HEAD)" >> "$SCALE/store.log"
fi

# The poll's outlet as the store knows it: the JSONL path named it from the article's `outlet`.
OUTLET=$("$PY" - "$STORE" "$SCALE/poll.json" <<'PY'
import json, sqlite3, sys
name = json.load(open(sys.argv[2]))["outlet"]
row = sqlite3.connect(sys.argv[1]).execute("SELECT id FROM outlet WHERE name = ? ORDER BY id LIMIT 1", (name,)).fetchone()
print(row[0] if row else "")
PY
)
[ -n "$OUTLET" ] || { echo "incremental_bench: the poll's outlet is not in the store" >&2; exit 1; }

enter_peers
SCRATCH_STORE=$SCALE/scratch.sqlite
trap 'rm -f "$SCRATCH_STORE" "$SCRATCH_STORE-wal" "$SCRATCH_STORE-shm"' EXIT
echo "=== incremental_1m: 50 items of $OUTLET into a copy of the 1M store" >&2
python bench/harness.py --runs "$RUNS" --warmup --out "$(fresh_results incremental_1m)" \
  --cmd copy-store "rm -f $SCRATCH_STORE-wal $SCRATCH_STORE-shm && cp $STORE $SCRATCH_STORE && sync" \
  --cmd corroborate-poll "$CLI ingest --quiet --json --db $SCRATCH_STORE --registry $ROOT/feeds --outlet $OUTLET $SCALE/poll.xml" \
  --cmd copy-store-again "rm -f $SCRATCH_STORE-wal $SCRATCH_STORE-shm && cp $STORE $SCRATCH_STORE && sync" \
  --cmd corroborate-daemon "python3 $ROOT/Benchmarks/daemon_cycle.py $CLI $SCRATCH_STORE $ROOT/feeds $SCALE/poll.xml $OUTLET"

if [ "${SCALE_STAGES:-1}" = 1 ]; then
  C=$SCALE/corpus.jsonl
  T=$SCALE/corpus.truth.jsonl
  echo "=== stages_1m: the incremental stages over 1,000,000 articles" >&2
  python bench/harness.py --runs "$RUNS_1M" --out "$(fresh_results stages_1m)" \
    --cmd corroborate-dedup-incremental "$BIN dedup --mode incremental --corpus $C --out $L/dedup_corroborate-incremental.1m.tsv --threshold $(P dedup_minhash threshold)" \
    --cmd corroborate-stories "$BIN stories --corpus $C --out $L/cluster_corroborate.1m.tsv"
  score "$L/dedup_corroborate-incremental.1m.tsv" "$T" copy_group dedup_corroborate-incremental.1m
  score "$L/cluster_corroborate.1m.tsv" "$T" event cluster_corroborate.1m
  grep -E '"tag": "(dedup_corroborate-incremental|cluster_corroborate)\.1m"' "$R/quality.jsonl" | tail -2 >&2
fi
