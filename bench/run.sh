#!/usr/bin/env bash
# Benchmark: the ecosite command users install, against Hugo on identical content (../shared/bench). Prints figures;
# never fails on timing.
# usage: bench/run.sh [PAGES] [RUNS]     e.g. bench/run.sh 10000 5
#        ECOSITE_BIN=/tmp/ecosite-bench-tool/tools/ecosite bench/run.sh   reuses what bench/publish.sh installed
# EcoSite is installed from the packages bench/pack-tool.sh makes (bench/publish.sh): the Native AOT executable of
# this platform, and, for comparison, the framework-dependent fallback that platforms without a native package get
# (installed by naming a RID the packages do not cover). Hugo comes from Debian. Then:
#   - start-up (`--version`) and a cold build of the sample site in content/, median of 20 and 10 runs;
#   - compare.sh at PAGES pages: as root it gives every build a freshly made ext4 file system, as on a new CI runner
#     (docs/benchmarks.md explains why that matters); once with its work folder in the system's temporary folder and,
#     where /dev/shm exists, once in tmpfs, which takes the disk device out of the figures;
#   - bench/cpu.sh at PAGES pages: the CPU time of each build, which the machine's other load does not inflate as it
#     does wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000} runs=${2:-5}
shared=$(cd ../shared/bench && pwd)
apt_install() { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
command -v hugo >/dev/null || apt_install hugo
[ -x /usr/bin/time ] || apt_install time
if [ -z "${ECOSITE_BIN:-}" ]; then echo "installing EcoSite from its packages (bench/pack-tool.sh; the native compile takes minutes)" >&2; fi
bin=${ECOSITE_BIN:-$(bash bench/publish.sh)}
tool=$(dirname "$(dirname "$bin")")
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
rm -rf "$tool/fallback"
DOTNET_RUNTIME_ID=freebsd-x64 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  dotnet tool install --tool-path "$tool/fallback" --source "$tool/feed" EcoSite --version "$version" >/dev/null
fallback=$tool/fallback/ecosite
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $(hugo version | cut -d' ' -f1-2)"
echo "installed: $bin -> $(readlink -f "$bin") (native); $fallback (framework-dependent fallback)"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== start-up: --version"
python3 bench/measure.py "native  " 20 -- "$bin" --version
python3 bench/measure.py "fallback" 20 -- "$fallback" --version
python3 bench/measure.py "hugo    " 20 -- hugo version
echo "== the sample site (content/), cold build into ${TMPDIR:-/tmp}"
sample=$(mktemp -d)
trap 'rm -rf "$sample"' EXIT
python3 bench/measure.py "native  " 10 --fresh "$sample/out" -- "$bin" build content -o "$sample/out"
python3 bench/measure.py "fallback" 10 --fresh "$sample/out" -- "$fallback" build content -o "$sample/out"

compare() { # label, then environment for compare.sh
  local label=$1 out; shift
  echo "== $pages pages against Hugo, $label"
  out=$(env "$@" bash "$shared/compare.sh" "$pages" "$runs" -- "$bin" build)
  echo "$out"
  echo "$out" | python3 -c 'import sys, statistics
runs = [l.split() for l in sys.stdin if "hugo/ecosite" in l]
if runs:
    ratio = statistics.median(float(r[-1]) for r in runs)
    memory = statistics.median(int(r[4].rstrip("MB")) / int(r[8].rstrip("MB")) for r in runs)
    print(f"median hugo/ecosite: {ratio:.2f} (target 3.0); median memory ecosite/hugo: {memory:.2f} (target 0.33)")
else:
    print("no runs")'
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
compare "work folder in ${TMPDIR:-/tmp}"
[ -d /dev/shm ] && compare "work folder in /dev/shm" TMPDIR=/dev/shm
echo "== CPU time at $pages pages (bench/cpu.sh)"
ECOSITE_BIN=$bin bash bench/cpu.sh "$pages" 3
exit 0
