#!/usr/bin/env bash
# Publishes the CLI with ReadyToRun into a temporary folder and prints the path of the ecosite executable.
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
out=${ECOSITE_BENCH_BIN:-/tmp/ecosite-bench-bin}
dotnet publish generator/EcoSite.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out" -nologo -clp:ErrorsOnly >/dev/null
echo "$out/ecosite"
