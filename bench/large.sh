#!/usr/bin/env bash
# EcoSite alone on a large site (default 100,000 pages): wall time and peak memory. Prints figures.
# usage: bench/large.sh [PAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-100000}
bin=$(bash bench/publish.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/make-sites.py "$pages" "$work" --parks 50 >/dev/null
/usr/bin/time -o "$work/t" -f "%e s, peak %M KB" "$bin" build "$work/ecosite/content" -o "$work/out" >/dev/null 2>&1
echo "pages=$pages: $(cat "$work/t")"
echo "html pages written: $(find "$work/out" -name '*.html' | wc -l)"
