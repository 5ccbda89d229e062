#!/usr/bin/env bash
# Installs EcoSite as users get it and prints the path of the installed ecosite command, which the benchmarks measure:
# bench/pack-tool.sh packs this platform's packages into a folder (the Native AOT executable takes minutes), and
# `dotnet tool install` installs from that folder alone, as docs/packaging.md tells users to.
# ECOSITE_BENCH_TOOL names the folder (default /tmp/ecosite-bench-tool); it is replaced.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${ECOSITE_BENCH_TOOL:-/tmp/ecosite-bench-tool}
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
rm -rf "$dir"
bash bench/pack-tool.sh "$dir/feed" >/dev/null
DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  dotnet tool install --tool-path "$dir/tools" --source "$dir/feed" EcoSite --version "$version" >/dev/null
echo "$dir/tools/ecosite"
