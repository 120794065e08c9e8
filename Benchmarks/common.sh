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
