#!/usr/bin/env bash
# Incremental builds at scale: a cold build, a second build of unchanged content, and a build after one page changed,
# into the same output folder; then a cold build of the changed content, compared byte for byte, and a full rebuild
# (nothing reused) into a copy of the output folder, the fair baseline for the one-page change. Prints figures.
# The work folder is under $TMPDIR (TMPDIR=/dev/shm measures without the disk).
# usage: bench/incremental.sh [PAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
bin=$(bash bench/publish.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/make-sites.py "$pages" "$work" >/dev/null
content="$work/ecosite/content"
run() { /usr/bin/time -o "$work/t" -f "%e s, peak %M KB" "$bin" build "$content" -o "$1" >/dev/null 2>&1; cat "$work/t"; }
echo "pages=$pages"
echo "cold build:               $(run "$work/out")"
echo "unchanged, same folder:   $(run "$work/out")"
page=$(find "$content/parks/park-001/news" -name '*.md' | sort | sed -n 1p)
printf '\nOne more sentence.\n' >> "$page"
echo "one page changed:         $(run "$work/out")"
echo "cold build of the change: $(run "$work/cold")"
cp -r "$work/out" "$work/full"
echo '{}' > "$work/full/.ecosite-output" # a marker without a manifest: nothing to reuse, so every page is rendered
echo "full rebuild, same folder: $(run "$work/full")"
if diff -r "$work/out" "$work/cold" >/dev/null; then echo "incremental output is byte-identical to the cold build"; else echo "DIFFERENT from the cold build"; fi
