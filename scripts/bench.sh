#!/usr/bin/env bash
# Runs the benchmark the way docs/PERFORMANCE.md records it: installs what it compares against (jq) and what
# measures a lookup's memory (GNU time) when missing, builds the release binaries, and runs rcpx-bench.
# Arguments go to rcpx-bench (e.g. --runs 50, --only startup,lookups, --fuzz 1000000).
#
#   scripts/bench.sh                 the full run: a table, then one line of JSON
#   scripts/bench.sh --fuzz 1000000  a million random events against the UI model
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v jq >/dev/null 2>&1 || need+=(jq)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "bench: please install ${need[*]} (Debian/Ubuntu: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi

export LANG=C.UTF-8
# The rcpx it measures is the one to copy to laptops and servers (README): the Swift runtime linked in.
swift build -c release --static-swift-stdlib --product rcpx >&2
swift build -c release --product rcpx-bench >&2
exec "$(swift build -c release --show-bin-path)/rcpx-bench" "$@"
