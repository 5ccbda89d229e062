#!/usr/bin/env bash
# Benchmark: EcoSite against Hugo on identical content (../shared/bench). Prints figures; never fails on timing.
# usage: bench/run.sh [PAGES] [RUNS]     e.g. bench/run.sh 10000 5
# EcoSite runs as the ReadyToRun-published CLI (what a release ships); Hugo from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000} runs=${2:-5}
shared=$(cd ../shared/bench && pwd)
apt_install() { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
command -v hugo >/dev/null || apt_install hugo
[ -x /usr/bin/time ] || apt_install time
bin=$(bash bench/publish.sh)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $(hugo version | cut -d' ' -f1-2)"
bash "$shared/compare.sh" "$pages" "$runs" -- "$bin" build
