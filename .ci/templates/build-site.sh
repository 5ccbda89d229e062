#!/bin/sh
# EcoSite for self-hosted CI (Jenkins, GitLab Runner shell executors, cron on an intranet server, ...).
# Checks the content, fails when a park's completeness score is below FAIL_UNDER, builds the site
# reproducibly (SOURCE_DATE_EPOCH from the last commit) and leaves it in OUTPUT_DIR for the server to archive
# or copy to the web host. Needs the .NET 10 SDK to install the tool; an installed native ecosite (ECOSITE=...)
# needs nothing else.
#
#   sh .ci/templates/build-site.sh [CONTENT_DIR] [OUTPUT_DIR]
#
# Where the ecosite command comes from, first match wins:
#   ECOSITE=/path/to/ecosite         an ecosite already installed on the server
#   ECOSITE_SOURCE=<feed or folder>  install the EcoSite tool from an intranet NuGet feed (Nexus, BaGet, Azure
#                                    Artifacts...) or a folder holding the packages bench/pack-tool.sh makes
#                                    (EcoSite.<version>.nupkg and the packages it points to)
#   (neither)                        pack EcoSite from source in ECOSITE_REPO (default: this repository) with its
#                                    bench/pack-tool.sh and install that: the Native AOT executable when the server
#                                    has a C toolchain (clang and zlib1g-dev on Debian), else the framework-dependent
#                                    build
# Either way the tool is the native executable where the packages have one for this server.
#
# Settings (environment variables):
#   CONTENT_DIR      content folder                      (default: content)
#   OUTPUT_DIR       output folder                       (default: _site)
#   FAIL_UNDER       minimum completeness score, 0-100   (default: 60)
#   ECOSITE_VERSION  tool package version to install     (default: the newest in ECOSITE_SOURCE)
#   ECOSITE_REPO     EcoSite source checkout             (default: .)
#   TOOL_DIR         where the tool is installed         (default: .ecosite-tool)
# Exit codes: 0 built; 1 content errors or a score below FAIL_UNDER; 2 wrong usage; other: setup failed.
set -eu

CONTENT_DIR=${1:-${CONTENT_DIR:-content}}
OUTPUT_DIR=${2:-${OUTPUT_DIR:-_site}}
FAIL_UNDER=${FAIL_UNDER:-60}
ECOSITE_SOURCE=${ECOSITE_SOURCE:-}
ECOSITE_VERSION=${ECOSITE_VERSION:-}
ECOSITE_REPO=${ECOSITE_REPO:-.}
TOOL_DIR=${TOOL_DIR:-.ecosite-tool}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

say() { printf '%s\n' "build-site: $*" >&2; }

if [ ! -f "$CONTENT_DIR/site.yaml" ]; then
    say "'$CONTENT_DIR' has no site.yaml; pass the content folder as the first argument."
    exit 2
fi

install_tool() {  # $1: package source (feed URL or folder)
    mkdir -p "$TOOL_DIR"
    # Only this source: an intranet server often cannot reach nuget.org, and the tool package carries its dependencies.
    cat > "$TOOL_DIR/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="ecosite" value="$1" />
  </packageSources>
</configuration>
XML
    rm -rf "$TOOL_DIR/bin"
    if [ -n "$ECOSITE_VERSION" ]; then
        dotnet tool install --tool-path "$TOOL_DIR/bin" --configfile "$TOOL_DIR/nuget.config" EcoSite --version "$ECOSITE_VERSION"
    else
        dotnet tool install --tool-path "$TOOL_DIR/bin" --configfile "$TOOL_DIR/nuget.config" EcoSite
    fi
    ECOSITE="$TOOL_DIR/bin/ecosite"
}

if [ -n "${ECOSITE:-}" ]; then
    say "using $ECOSITE"
elif [ -n "$ECOSITE_SOURCE" ]; then
    say "installing EcoSite ${ECOSITE_VERSION:-(newest)} from $ECOSITE_SOURCE"
    install_tool "$ECOSITE_SOURCE"
else
    if [ ! -d "$ECOSITE_REPO/generator/EcoSite.Cli" ]; then
        say "no ECOSITE, no ECOSITE_SOURCE, and no EcoSite source in '$ECOSITE_REPO' (set ECOSITE_REPO)."
        exit 3
    fi
    say "packing EcoSite from source in $ECOSITE_REPO (the native compile takes minutes)"
    rm -rf "$TOOL_DIR/pkg"
    if ! bash "$ECOSITE_REPO/bench/pack-tool.sh" "$TOOL_DIR/pkg" >/dev/null; then
        say "the native package could not be built (see above); packing the framework-dependent build alone"
        rm -rf "$TOOL_DIR/pkg"
        ECOSITE_TOOL_RIDS=any bash "$ECOSITE_REPO/bench/pack-tool.sh" "$TOOL_DIR/pkg" pointer any >/dev/null
    fi
    pkg_dir=$(cd "$TOOL_DIR/pkg" && pwd)
    ECOSITE_VERSION=
    install_tool "$pkg_dir"
fi
"$ECOSITE" --version

# "Today" for freshness and the score: site.yaml as_of, else the last commit's time, so a rebuild of the same
# commit gives the same bytes. Without git the clock is used.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && command -v git >/dev/null 2>&1 \
    && epoch=$(git -C "$CONTENT_DIR" log -1 --format=%ct 2>/dev/null) && [ -n "$epoch" ]; then
    SOURCE_DATE_EPOCH=$epoch
    export SOURCE_DATE_EPOCH
fi
say "SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-(unset: the clock)}"

"$ECOSITE" check "$CONTENT_DIR" --fail-under "$FAIL_UNDER"
"$ECOSITE" build "$CONTENT_DIR" -o "$OUTPUT_DIR"
say "the site is in $OUTPUT_DIR"
