#!/usr/bin/env bash
# Time 'ecosite check' on pathological content at sizes N, 2N and 4N, and print how the time grows: a ratio near 2 per
# doubling is linear, near 4 quadratic. CPU time (user + system) is measured, not wall time, so other work on a shared
# machine changes the figures less. docs/security.md records them. Usage: bash bench/hostile.sh [N] [SHAPE...]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
shift || true
shapes=("$@")
[ ${#shapes[@]} -eq 0 ] && shapes=(nested-divs flat-html unclosed-brackets emphasis-runs backticks link-refs yaml-keys enterprises-and-flows matching-listings catalog-indicators)
dotnet build generator/EcoSite.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the build, so that building the project meanwhile does not change what is measured.
cp -r generator/EcoSite.Cli/bin/Release/net10.0 "$work/cli"
cli="$work/cli/ecosite.dll"
printf '%-24s %10s %10s %10s   %s\n' shape "N=$n" "2N" "4N" "growth per doubling"
for shape in "${shapes[@]}"; do
  times=()
  for size in $n $((2 * n)) $((4 * n)); do
    dir="$work/$shape-$size"
    python3 bench/hostile.py "$shape" "$size" "$dir"
    TIMEFORMAT='%U %S'
    cpu=$( { time dotnet "$cli" check "$dir" >/dev/null 2>&1 || true; } 2>&1 )
    times+=("$(echo "$cpu" | awk '{ printf "%.2f", $1 + $2 }')")
    rm -rf "$dir"
  done
  growth=$(awk -v a="${times[0]}" -v c="${times[2]}" 'BEGIN { printf "%.2f", sqrt(c / (a > 0 ? a : 0.01)) }')
  printf '%-24s %9.2fs %9.2fs %9.2fs   %s\n' "$shape" "${times[0]}" "${times[1]}" "${times[2]}" "$growth"
done
