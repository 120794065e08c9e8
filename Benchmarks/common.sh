# Sourced by the peer benchmark scripts: where the repository, ../shared and the peers' work
# folder are, and the peers' one-time setup. A missing ../shared is not an error: the script says
# so and exits 0, since the peers these benchmarks measure against live there.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
WORK=${BENCH_WORK:-$HOME/.cache/corroborate-peers}

require_peers() {  # SCRIPT_NAME
  if [ ! -d "$SHARED/bench" ]; then
    echo "$1: $SHARED/bench is absent; the peer benchmarks need the shared folder beside the repo" >&2
    exit 0
  fi
  [ -f "$WORK/data/MANIFEST.sha256" ] || "$SHARED/bench/setup.sh"
}

# Builds corroborate-bench in release with the Swift runtime linked statically, as a Linux binary
# is shipped (see parse_peers.sh), into $SCRATCH (default .build), and sets BIN to it.
build_bench() {
  SCRATCH=${SCRATCH:-$ROOT/.build}
  swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" \
    --product corroborate-bench >&2
  BIN="$SCRATCH/release/corroborate-bench"
}

# The same for the corroborate command itself; sets CLI. CORROBORATE_BIN names a binary to
# measure instead (no build): an earlier commit's, kept aside for a before/after comparison.
build_cli() {
  if [ -n "${CORROBORATE_BIN:-}" ]; then
    CLI=$CORROBORATE_BIN
    return
  fi
  SCRATCH=${SCRATCH:-$ROOT/.build}
  swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" \
    --product corroborate >&2
  CLI="$SCRATCH/release/corroborate"
}

# Enters the peers' work folder with their Python environment, every peer single-threaded;
# R and L are the results and labels folders. BENCH_RESULTS (a folder relative to the work
# folder) keeps one run's records apart from every other run's: Benchmarks/run_all.sh sets it.
enter_peers() {
  cd "$WORK"
  . ./venv/bin/activate
  export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 LC_ALL=C.UTF-8
  R=${BENCH_RESULTS:-results}
  L=$R/labels
  mkdir -p "$R" "$L"
}

# A tuned parameter of the peers (results/params.json): P SUITE NAME.
P() { python -c "import json,sys; print(json.load(open('results/params.json'))[sys.argv[1]][sys.argv[2]])" "$1" "$2"; }

# Scores a labels file with the peers' own scorer into results/quality.jsonl: score LABELS TRUTH KEY TAG.
score() {
  python bench/score.py --truth "$2" --labels "$1" --key "$3" | sed "s/^{/{\"tag\": \"$4\", /" >> "$R/quality.jsonl"
}

# The harness appends to its output; keeping one run per file makes the table's medians and
# same-round ratios come from this run alone. Moves an earlier run to $R/superseded/ and
# prints the file to write: fresh_results SUITE.
fresh_results() {
  local out="$R/$1_corroborate.jsonl"
  if [ -f "$out" ]; then
    mkdir -p "$R/superseded"
    mv "$out" "$R/superseded/$1_corroborate.$(date -u +%Y%m%dT%H%M%S).jsonl"
  fi
  echo "$out"
}

# For a suite named NAME_10k or NAME_100k: N, the corpus C and its truth T, and the rounds: RUNS_SLOW
# without a warm-up round at 100k, RUNS_FAST with one otherwise.
suite_corpus() {
  N=${1##*_}
  C=data/corpus_$N.jsonl
  T=data/corpus_$N.truth.jsonl
  RUNS=$RUNS_FAST
  WARMUP=--warmup
  if [ "$N" = 100k ]; then
    RUNS=$RUNS_SLOW
    WARMUP=
  fi
}
