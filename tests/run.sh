#!/usr/bin/env bash
# Runs every test of EcoSite on a fresh machine with the .NET SDK: installs what the browser and web-server tests
# need (Debian chromium, a CJK font, nginx) when missing, builds, runs all test projects and ends with one line
# "N passed, N failed" summed from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (apt) for the browser and web-server tests..."
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

python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = total = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    total += int(c.get("total", 0))
if total == 0 and failed == 0 and sys.argv[2] != "0":
    failed = 1  # the build or the test host failed before any test ran
print(f"{passed} passed, {failed} failed")
PY
exit $status
