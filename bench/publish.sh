#!/usr/bin/env bash
# Publishes the CLI as a release build into a temporary folder and prints the path of the ecosite executable:
# Native AOT (one 26 MB executable, no .NET and no JIT on the machine that runs it; tests/EcoSite.Tests/Packaging/
# AotBuildTests.cs checks that it behaves exactly like the JIT build). Where Native AOT cannot be built (no C
# toolchain), it falls back to a self-contained build with composite ReadyToRun and says so on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
out=${ECOSITE_BENCH_BIN:-/tmp/ecosite-bench-bin}
rm -rf "$out"
if ! dotnet publish generator/EcoSite.Cli -c Release -r "$rid" -p:PublishAot=true -o "$out" -nologo -clp:ErrorsOnly >/dev/null 2>&1; then
  echo "bench/publish.sh: Native AOT publish failed; measuring the self-contained ReadyToRun build instead" >&2
  rm -rf "$out"
  dotnet publish generator/EcoSite.Cli -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -o "$out" -nologo -clp:ErrorsOnly >/dev/null
fi
echo "$out/ecosite"
