#!/usr/bin/env bash
# Publishes the CLI as a release build into a temporary folder and prints the path of the ecosite executable:
# self-contained (no .NET needed on the machine that runs it) with composite ReadyToRun, which precompiles the
# framework together with EcoSite, so little is left for the JIT at start-up (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
out=${ECOSITE_BENCH_BIN:-/tmp/ecosite-bench-bin}
dotnet publish generator/EcoSite.Cli -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  -o "$out" -nologo -clp:ErrorsOnly >/dev/null
echo "$out/ecosite"
