#!/usr/bin/env bash
# Runs every test of EcoSite on a fresh machine with the .NET SDK: installs what the browser and web-server tests
# need (Debian chromium, a CJK font, nginx) and what packing the native tool needs (a C compiler, zlib) when missing,
# builds, runs all test projects and ends with one line "N passed, N failed" summed from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
# The packaging tests pack the Native AOT tool, which links with the C toolchain (clang, or gcc) and zlib.
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need+=(clang)
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (apt) for the browser, web-server and packaging tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || echo "warning: could not install ${need[*]}; tests that need them will fail" >&2
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build EcoSite.sln -c Release -nologo -clp:ErrorsOnly
build=$?
status=0
if [ $build -ne 0 ]; then
  echo "build failed"
  status=1
else
  dotnet test EcoSite.sln -c Release --no-build --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
  status=$?
fi

# Sum the TRX counters (no python: only the .NET SDK and the apt packages above are needed).
passed=0; failed=0; total=0
for trx in $(find "$results" -name '*.trx' 2>/dev/null); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { local v; v=$(printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+'); echo "${v:-0}"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  total=$((total + $(count total)))
done
# The build or a test host failed without a failed test to show for it (it crashed, or ran nothing).
if [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
