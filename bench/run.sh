#!/usr/bin/env bash
# Benchmark: EcoSite against Hugo on identical content (../shared/bench). Prints figures; never fails on timing.
# usage: bench/run.sh [PAGES] [RUNS]     e.g. bench/run.sh 10000 5
# EcoSite runs as the release build (bench/publish.sh); Hugo from Debian. The comparison runs twice: in the system's
# temporary folder (on disk, as ../shared/bench/compare.sh does by default) and, where /dev/shm exists, on tmpfs, which
# separates the generators' own speed from the file system's (docs/benchmarks.md explains why that matters here).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000} runs=${2:-5}
shared=$(cd ../shared/bench && pwd)
apt_install() { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
command -v hugo >/dev/null || apt_install hugo
[ -x /usr/bin/time ] || apt_install time
bin=$(bash bench/publish.sh)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $(hugo version | cut -d' ' -f1-2)"
compare() { # label, then environment for compare.sh
  local label=$1 out; shift
  echo "== $label"
  out=$(env "$@" bash "$shared/compare.sh" "$pages" "$runs" -- "$bin" build)
  echo "$out"
  echo "$out" | python3 -c 'import sys, statistics
r = [float(l.split()[-1]) for l in sys.stdin if "hugo/ecosite" in l]
print(f"median hugo/ecosite: {statistics.median(r):.2f}" if r else "no runs")'
}
compare "on disk"
[ -d /dev/shm ] && compare "on tmpfs" TMPDIR=/dev/shm
exit 0
