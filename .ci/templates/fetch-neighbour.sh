#!/bin/sh
# Fetches what a neighbouring EcoSite platform publishes for docking (its data/platform.json and data/listings.json)
# into DIR/data/, the folder site.yaml 'federation' names as 'data: DIR' (docs/open-data.md, "Docking with a
# neighbour"). Run it before every build.
#
#   sh .ci/templates/fetch-neighbour.sh https://www.example.gov.cn/js/ imports/jiangsu
#
# A failed fetch keeps the previous copy and exits 0: a neighbour's outage never stops this site's build (the build
# warns, ECO501 or ECO504, when the copy is missing or stale). Only http(s) is followed, each file is at most 16 MiB
# (what EcoSite reads), and both files are replaced together or not at all.
set -u
usage="usage: fetch-neighbour.sh BASE_URL DIR"
base=${1:?$usage}
dir=${2:?$usage}
case $base in
  https://*|http://*) ;;
  *) echo "fetch-neighbour: '$base' is not an http(s) address; give the neighbour's base_url" >&2; exit 2 ;;
esac
case $base in */) ;; *) base=$base/ ;; esac

mkdir -p "$dir/data" || exit 2
# The download folder sits beside the target, so the final moves stay on one file system (each move is atomic).
tmp=$(mktemp -d "$dir/.fetch.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in platform.json listings.json; do
  if ! curl --fail --silent --show-error --location --max-redirs 3 --proto '=https,http' --proto-redir '=https,http' \
      --max-filesize 16777216 --connect-timeout 20 --max-time 300 -o "$tmp/$f" "${base}data/$f"; then
    echo "fetch-neighbour: could not fetch ${base}data/$f; keeping the previous copy in $dir/data/" >&2
    exit 0
  fi
done
mv -f "$tmp/listings.json" "$dir/data/listings.json" && mv -f "$tmp/platform.json" "$dir/data/platform.json" || exit 2
echo "fetch-neighbour: $dir/data/ updated from ${base}data/"
