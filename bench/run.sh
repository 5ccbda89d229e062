#!/usr/bin/env bash
# Benchmark: EcoSite against Hugo on identical content (../shared/bench). Prints figures; never fails on timing.
# usage: bench/run.sh [PAGES] [RUNS]     e.g. bench/run.sh 10000 5
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000} runs=${2:-5}
shared=$(cd ../shared/bench && pwd)
command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hugo >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
dotnet build generator/EcoSite.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(dotnet --version); $(hugo version | cut -d' ' -f1-2)"
bash "$shared/compare.sh" "$pages" "$runs" -- dotnet generator/EcoSite.Cli/bin/Release/net10.0/ecosite.dll build
