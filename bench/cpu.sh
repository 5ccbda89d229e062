#!/usr/bin/env bash
# CPU time, not only wall time: the installed ecosite and Hugo build the same generated site alternately, each on a
# freshly made ext4 file system when run as root (as compare.sh does), and each build prints its wall time, user and
# system CPU time and peak memory. On a machine that other work keeps busy, wall times follow the load; CPU time is
# what each tool costs, and the ratio of CPU times is the wall-time ratio that a fully loaded machine tends to.
# Prints figures; never fails on them.
# usage: bench/cpu.sh [PAGES] [RUNS]     (ECOSITE_BIN=path reuses what bench/publish.sh installed)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000} runs=${2:-3}
shared=$(cd ../shared/bench && pwd)
bin=${ECOSITE_BIN:-$(bash bench/publish.sh)}
work=$(mktemp -d)
cleanup() { for m in "$work"/mnt-*; do mountpoint -q "$m" 2>/dev/null && umount "$m"; done; rm -rf "$work"; }
trap cleanup EXIT
python3 "$shared/make-sites.py" "$pages" "$work" >/dev/null
fresh=no
[ "$(id -u)" = 0 ] && command -v mkfs.ext4 >/dev/null && fresh=yes
target() { # name: a folder to write into, on a fresh ext4 file system when possible
  local m="$work/mnt-$1"
  if [ $fresh = yes ]; then
    mountpoint -q "$m" && umount "$m"; rm -f "$work/$1.img"
    truncate -s 6G "$work/$1.img"; mkfs.ext4 -q -F -i 4096 -E lazy_itable_init=0,lazy_journal_init=0 "$work/$1.img"
    mkdir -p "$m"; mount -o loop "$work/$1.img" "$m"
  else
    rm -rf "$m"; mkdir -p "$m"
  fi
  echo "$m/out"
}
measure() { # label, then command
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk -v label="$label" '{printf "%s wall %.2f s, cpu %.2f s (user %.2f, sys %.2f), peak %d MB\n", label, $1, $2 + $3, $2, $3, $4 / 1024}' "$work/t"
}
echo "pages=$pages runs=$runs fresh-ext4=$fresh; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$runs"); do
  measure "run $r ecosite" "$bin" build "$work/ecosite/content" -o "$(target ecosite)"
  measure "run $r hugo   " hugo --quiet -s "$work/hugo" -d "$(target hugo)"
done | tee "$work/runs"
python3 - "$work/runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
cpu = {tool: [float(r[7]) for r in rows if r[2] == tool] for tool in ("ecosite", "hugo")}
print(f"median cpu: ecosite {statistics.median(cpu['ecosite']):.2f} s, hugo {statistics.median(cpu['hugo']):.2f} s,"
      f" hugo/ecosite {statistics.median(cpu['hugo']) / statistics.median(cpu['ecosite']):.2f}")
PY
