#!/usr/bin/env bash
# Incremental builds at scale (issue 16 item 3; docs/incremental.md): a cold build, a second build of unchanged content,
# and a build after one page's body changed, into the same output folder; then a cold build of the changed content,
# compared byte for byte (every file, the manifest included). Prints each time, the one-page build's ratio to the cold
# build (target <= 0.10), its stage breakdown (--verbose) and how many files it wrote. Prints figures; not a test.
# The work folder is under $TMPDIR (TMPDIR=/dev/shm measures without the disk). ECOSITE_BIN skips bench/publish.sh.
# usage: bench/incremental.sh [PAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
bin=${ECOSITE_BIN:-$(bash bench/publish.sh)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/make-sites.py "$pages" "$work" >/dev/null
content="$work/ecosite/content"
# Wall time, peak memory, and CPU time (user + system): on a shared machine only the CPU time is comparable.
run() { /usr/bin/time -o "$work/t" -f "%e %M %U %S" "$bin" build "$content" -o "$1" --verbose >"$work/log" 2>&1; read -r s kb <"$work/t"; echo "$s"; }
cpu() { awk '{ printf "%.2f", $3 + $4 }' "$work/t"; }
show() { printf '%-28s %6s s, cpu %s s, peak %s KB\n' "$1" "$2" "$(cpu)" "$(cut -d' ' -f2 "$work/t")"; }
echo "pages=$pages tool=$bin"
cold=$(run "$work/out"); show "cold build:" "$cold"; coldcpu=$(cpu)
same=$(run "$work/out"); show "unchanged, same folder:" "$same"
page=$(find "$content/parks/park-001/news" -name '*.md' | sort | sed -n 1p)
printf '\nOne more sentence.\n' >> "$page"
touch "$work/before"
one=$(run "$work/out"); show "one page changed:" "$one"; onecpu=$(cpu)
grep -E '^  [a-z]' "$work/log" | sed 's/^/    /'
echo "    files written: $(find "$work/out" -type f -newer "$work/before" | wc -l) of $(find "$work/out" -type f | wc -l)"
awk -v a="$one" -v b="$cold" -v c="$same" -v d="$onecpu" -v e="$coldcpu" 'BEGIN { printf "one page / cold = %.3f wall, %.3f cpu (target <= 0.10); unchanged / cold = %.3f\n", a / b, d / e, c / b }'
cold2=$(run "$work/cold"); show "cold build of the change:" "$cold2"
if diff -r "$work/out" "$work/cold" >/dev/null; then echo "incremental output is byte-identical to the cold build"; else echo "DIFFERENT from the cold build"; fi
