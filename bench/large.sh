#!/usr/bin/env bash
# EcoSite alone on a large site (default 100,000 pages): wall time and peak memory, against the 2 GB target. Prints figures.
# usage: bench/large.sh [PAGES]
# ECOSITE_BIN   the ecosite command to measure (default: the installed tool, bench/publish.sh)
# MAKE_SITES    the content generator (default ../shared/bench/make-sites.py, the team's shared harness)
# BENCH_TMP     where to work (default /tmp); the work folder is deleted afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-100000}
bin=${ECOSITE_BIN:-$(bash bench/publish.sh)}
work=$(mktemp -d "${BENCH_TMP:-/tmp}/ecosite-large.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "${MAKE_SITES:-../shared/bench/make-sites.py}" "$pages" "$work" --parks 50 >/dev/null
/usr/bin/time -o "$work/t" -f "%e %M" "$bin" build "$work/ecosite/content" -o "$work/out" >/dev/null 2>&1
read -r secs kb <"$work/t"
echo "pages=$pages: $secs s, peak $kb KB ($((kb / 1024)) MB; target 2 GB: $([ "$kb" -le 2097152 ] && echo met || echo MISSED))"
echo "html pages written: $(find "$work/out" -name '*.html' | wc -l)"
