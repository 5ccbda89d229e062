#!/usr/bin/env bash
# Benchmark: EcoSite's search against Pagefind 1.6.0 on the same built sites. Prints figures; never fails on them.
# usage: bench/search.sh [PAGES]        e.g. bench/search.sh 10000   (ECOSITE_BIN=path skips bench/publish.sh)
# Two sites: the sample in content/ and a generated one of PAGES pages (../shared/bench/make-sites.py). Each is built
# once by EcoSite (the release build of bench/publish.sh, timed with its index); Pagefind (npm `pagefind` 1.6.0, its
# extended binary, which segments Chinese) indexes a copy of the same output. Both are served by a local static
# server and queried in Chromium (/usr/bin/chromium) from a blank page of the site, each query in a fresh browser
# context: bytes loaded by the first query (every response: client script, index, the top ten results' data),
# latency cold (first query of the context) and warm (the same query again), recall@10 and MRR on
# bench/search/queries.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
shared=$(cd ../shared/bench && pwd)
work=$(mktemp -d)
servers=()
cleanup() { for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
[ -x /usr/bin/time ] || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null; }

bin=${ECOSITE_BIN:-$(bash bench/publish.sh)}   # ECOSITE_BIN=path reuses a build of bench/publish.sh
(cd "$work" && npm install --silent --no-audit --no-fund pagefind@1.6.0 >/dev/null)
pagefind=$(ls "$work"/node_modules/@pagefind/*/bin/pagefind_extended)
dotnet build bench/search/SearchBench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
driver=(dotnet bench/search/SearchBench/bin/Release/net10.0/SearchBench.dll)
python3 "$shared/make-sites.py" "$pages" "$work/gen" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); .NET $(dotnet --version); $("$pagefind" --version); $(chromium --version 2>/dev/null | head -n 1)"

port=18400
for kind in sample generated; do
  content=content; [ "$kind" = generated ] && content="$work/gen/ecosite/content"
  eco="$work/$kind/eco" pf="$work/$kind/pf"
  mkdir -p "$work/$kind"
  echo "== $kind site ($content)"
  /usr/bin/time -f "ecosite build, whole site with index: %e s, %M KB peak" "$bin" build "$content" -o "$eco" >/dev/null 2>"$work/time.txt" || true
  tail -n 1 "$work/time.txt"
  "${driver[@]}" index-time "$content"
  cp -a "$eco" "$pf"
  # The search page's no-JavaScript listing repeats every title: Pagefind is told to skip it.
  /usr/bin/time -f "pagefind index: %e s, %M KB peak" "$pagefind" --site "$pf" --exclude-selectors "#search-browse" >/dev/null 2>"$work/time.txt"
  tail -n 1 "$work/time.txt"
  echo "html pages: $(find "$eco" -name '*.html' | wc -l)"
  echo "index size: ecosite $(du -sk "$eco/search-index" | cut -f1) KiB in $(find "$eco/search-index" -type f | wc -l) files; pagefind $(du -sk "$pf/pagefind" | cut -f1) KiB in $(find "$pf/pagefind" -type f | wc -l) files"
  echo "search page (with its no-JavaScript listing): $(du -k "$eco/search/index.html" | cut -f1) KiB zh, $(du -k "$eco/en/search/index.html" | cut -f1) KiB en"
  for site in "$eco" "$pf"; do
    for lang in zh en; do
      html=$lang; [ "$lang" = zh ] && html=zh-CN
      printf '<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>\n' "$html" > "$site/bench-$lang.html"
    done
  done
  for engine in ecosite pagefind; do
    dir=$eco; [ "$engine" = pagefind ] && dir=$pf
    port=$((port + 1))
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >/dev/null 2>&1 &
    servers+=($!)
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/bench-zh.html" >/dev/null && break; sleep 0.2; done
    "${driver[@]}" queries "$engine" "http://127.0.0.1:$port/" bench/search/queries.tsv "$kind"
  done
done
exit 0
