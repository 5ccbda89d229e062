#!/usr/bin/env bash
# Makes the EcoSite tool packages for this platform in OUTDIR (version from Directory.Build.props), as a folder that
# `dotnet tool install --add-source OUTDIR EcoSite` installs from (docs/packaging.md):
#   EcoSite.<version>.nupkg        the package users name; it only lists, per platform, the package to install
#   EcoSite.<rid>.<version>.nupkg  this platform's Native AOT executable (needs a C toolchain: clang or gcc, zlib)
#   EcoSite.any.<version>.nupkg    the framework-dependent build, for every platform without its own package
#
# usage: bench/pack-tool.sh OUTDIR [pointer] [native] [any]     (default: all three)
#   ECOSITE_TOOL_RIDS  the platforms the EcoSite package lists, ';'-separated (default: this platform's RID and any),
#                      or "release": the list in generator/EcoSite.Cli/EcoSite.Cli.csproj. A release sets "release"
#                      on a CI matrix, packs "native" on each platform's own runner and "pointer any" once
#                      (.ci/templates/release-tool.yml).
# Prints the paths of the packages it made. Builds in a temporary folder: the working tree's bin/ and obj/ stay as
# they are.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/pack-tool.sh OUTDIR [pointer] [native] [any]" >&2; exit 2; }
out=$1; shift
parts=${*:-pointer native any}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rid=$(dotnet --info | awk '$1 == "RID:" {print $2; exit}')
rids=${ECOSITE_TOOL_RIDS:-$rid;any}
[ "$rids" = release ] && rids=$(dotnet msbuild generator/EcoSite.Cli -nologo -getProperty:ToolPackageRuntimeIdentifiers)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
listed() { case ";$rids;" in *";$1;"*) return 0 ;; *) return 1 ;; esac; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pack() { # package id, then dotnet pack arguments; prints the package's path
  local id=$1; shift
  echo "pack-tool: packing $id $version" >&2
  # The RID list goes in quotes so that MSBuild keeps its semicolons; ContinuousIntegrationBuild keeps this machine's
  # paths out of the package.
  if ! dotnet pack generator/EcoSite.Cli -c Release -o "$out" --artifacts-path "$work/artifacts" -nologo \
      "-p:ToolPackageRuntimeIdentifiers=\"$rids\"" -p:ContinuousIntegrationBuild=true "$@" >"$work/pack.log" 2>&1; then
    cat "$work/pack.log" >&2
    echo "pack-tool: packing $id failed (output above)" >&2
    return 1
  fi
  [ -f "$out/$id.$version.nupkg" ] || { cat "$work/pack.log" >&2; echo "pack-tool: no $id.$version.nupkg in $out" >&2; return 1; }
  echo "$out/$id.$version.nupkg"
}

# Refuse a package that the EcoSite package would never install before spending minutes on any of them.
for part in $parts; do
  case $part in
    pointer) ;;
    native) listed "$rid" || { echo "pack-tool: $rid is not in ECOSITE_TOOL_RIDS ($rids): EcoSite would never install EcoSite.$rid" >&2; exit 2; } ;;
    any) listed any || { echo "pack-tool: any is not in ECOSITE_TOOL_RIDS ($rids): EcoSite would never install EcoSite.any" >&2; exit 2; } ;;
    *) echo "pack-tool: unknown part '$part' (pointer, native or any)" >&2; exit 2 ;;
  esac
done

for part in $parts; do
  case $part in
    pointer)
      # PublishAot in the project makes this the pointer package only: native packages need their own platform.
      echo "pack-tool: EcoSite lists $rids" >&2
      pack EcoSite ;;
    native)
      echo "pack-tool: Native AOT takes minutes" >&2
      pack "EcoSite.$rid" -r "$rid" || {
        echo "pack-tool: Native AOT needs a C toolchain and zlib (Debian: apt-get install clang zlib1g-dev;" \
          "Windows: Visual Studio's C++ workload; macOS: Xcode command line tools). Without them," \
          "ECOSITE_TOOL_RIDS=any bench/pack-tool.sh OUTDIR pointer any makes the framework-dependent packages alone." >&2
        exit 1
      } ;;
    any)
      # Without PublishAot the framework-dependent build asks for any .NET 10 runtime, not this SDK's latest patch.
      pack EcoSite.any -r any -p:PublishAot=false ;;
  esac
done
