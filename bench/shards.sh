#!/usr/bin/env bash
# Shards and merge at scale (issue 16 item 5): PAGES article pages spread over PARKS parks, built as SHARDS shards one
# after another on this machine (`ecosite build --parks`), then merged (`ecosite merge`). Prints each shard's wall time
# and peak memory, the merge's, and the totals, with the targets (each shard <= 2 GB peak, merge <= 60 s) beside them.
# Prints figures; never fails on them.
# usage: bench/shards.sh [PAGES] [PARKS] [SHARDS]       defaults: 1000000 1000 10
# ECOSITE_BIN   the ecosite command to measure (default: the installed tool, bench/publish.sh)
# MAKE_SITES    the content generator (default bench/make-content.py: same layout as the shared harness's
#               make-sites.py, fast enough for 1,000,000 pages; takes PAGES OUTDIR --parks PARKS)
# CONTENT       an already generated content folder to build instead of generating one (it is not deleted)
# BENCH_TMP     where to work (default /tmp); the work folder is deleted afterwards
# KEEP          1: keep the work folder (the shards and the merged site), to merge again; 0 (default): delete it
# FULL_BUILD    1 (default): also build the whole site once and compare the merged site with it; 0: skip
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000000}
parks=${2:-1000}
shards=${3:-10}
bin=${ECOSITE_BIN:-$(bash bench/publish.sh)}
# Every shard must see the same "today" (merge refuses shards of different dates).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
work=$(mktemp -d "${BENCH_TMP:-/tmp}/ecosite-shards.XXXXXX")
[ "${KEEP:-0}" = 1 ] && echo "work folder (kept): $work" || trap 'rm -rf "$work"' EXIT

if [ -n "${CONTENT:-}" ]; then
  content=$CONTENT
  echo "content: $content (generated before)"
else
  start=$(date +%s.%N)
  python3 "${MAKE_SITES:-bench/make-content.py}" "$pages" "$work/gen" --parks "$parks" >/dev/null
  rm -rf "$work/gen/hugo" # only the EcoSite tree is built here
  content="$work/gen/ecosite/content"
  echo "generated $pages pages as $parks parks in $(echo "$(date +%s.%N) - $start" | bc) s"
fi

# Parks in sorted order, cut into SHARDS runs of consecutive ids; each shard names its parks (--parks a,b,c...).
mapfile -t ids < <(ls "$content/parks" | sort)
per=$(( (${#ids[@]} + shards - 1) / shards ))
total=0
cpu=0
peak=0
dirs=()
for ((s = 0; s < shards; s++)); do
  chunk=("${ids[@]:$((s * per)):per}")
  [ ${#chunk[@]} -eq 0 ] && break
  globs=$(IFS=,; echo "${chunk[*]}")
  out="$work/shard-$s"
  /usr/bin/time -o "$work/t" -f "%e %M %U %S" "$bin" build "$content" --parks "$globs" -o "$out" -q >"$work/log" 2>&1 \
    || { cat "$work/log"; exit 1; }
  read -r secs kb usr sys <"$work/t"
  files=$(find "$out" -type f | wc -l)
  verdict=$([ "$kb" -le 2097152 ] && echo "within 2 GB" || echo "OVER 2 GB")
  echo "shard $s: ${#chunk[@]} parks (${chunk[0]}..${chunk[-1]}), $files files, $secs s (cpu $(echo "$usr + $sys" | bc) s), peak $((kb / 1024)) MB ($verdict)"
  total=$(echo "$total + $secs" | bc)
  cpu=$(echo "$cpu + $usr + $sys" | bc)
  [ "$kb" -gt "$peak" ] && peak=$kb
  dirs+=("$out")
done

/usr/bin/time -o "$work/t" -f "%e %M %U %S" "$bin" merge "${dirs[@]}" -o "$work/site" -q >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
read -r msecs mkb musr msys <"$work/t"
html=$(find "$work/site" -name '*.html' | wc -l)
echo "merge: $html html pages, $msecs s (target <= 60 s: $(echo "$msecs <= 60" | bc | sed 's/1/met/;s/0/MISSED/')), cpu $(echo "$musr + $msys" | bc) s, peak $((mkb / 1024)) MB"
echo "total: ${#dirs[@]} shards in $total s one after another (cpu $cpu s, largest peak $((peak / 1024)) MB), plus merge $msecs s"

# For comparison: the whole site as one build, and the merged site against it, file for file (the build marker is
# build state and differs).
if [ "${FULL_BUILD:-1}" = 1 ]; then
  /usr/bin/time -o "$work/t" -f "%e %M %U %S" "$bin" build "$content" -o "$work/full" -q >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
  read -r fsecs fkb fusr fsys <"$work/t"
  same=$(diff -rq -x .ecosite-output -x .ecosite-state "$work/full" "$work/site" >/dev/null && echo "byte-identical" || echo "DIFFERENT")
  echo "one full build for comparison: $fsecs s (cpu $(echo "$fusr + $fsys" | bc) s), peak $((fkb / 1024)) MB; merged site $same to it"
fi
