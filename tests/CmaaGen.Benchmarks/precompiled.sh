#!/usr/bin/env bash
# Runs an in-process benchmark mode with CmaaGen precompiled, as command-line builds on Linux x64 get it ("Precompiled
# code for Linux x64" in docs/performance.md). Copies the built benchmark to a temporary folder, compiles its
# CmaaGen.dll there with the crossgen2 that packing uses, against the runtime and the Roslyn assemblies this benchmark
# loads (as the package's copy is compiled against the SDK's, which the SDK's compiler loads), and runs the mode.
# Linux x64 only, like the package's copy.
#   tests/CmaaGen.Benchmarks/precompiled.sh cold-generator 5 --own-list
#   tests/CmaaGen.Benchmarks/precompiled.sh cold-stages 5
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/tests/CmaaGen.Benchmarks"
package="$root/src/CmaaGen.Package/CmaaGen.Package.csproj"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$bench" -c Release > "$work/build.txt" 2>&1 || { cat "$work/build.txt"; exit 1; }
# Restoring the package project brings its crossgen2 (a PackageDownload of the SDK's runtime version).
dotnet restore "$package" > "$work/restore.txt" 2>&1 || { cat "$work/restore.txt"; exit 1; }
version="$(dotnet msbuild "$package" -getProperty:BundledNETCoreAppPackageVersion)"
packages="$(dotnet msbuild "$package" -getProperty:NuGetPackageRoot)"
crossgen="${packages%/}/microsoft.netcore.app.crossgen2.linux-x64/$version/tools/crossgen2"
runtime="$(dotnet --list-runtimes | sed -nE "s|^Microsoft\.NETCore\.App $version \[(.*)\]$|\1|p")/$version"
[ -x "$crossgen" ] || { echo "no crossgen2 at $crossgen (only a linux-x64 SDK restores it)" >&2; exit 1; }

cp -r "$bench/bin/Release/net10.0" "$work/bin"
"$crossgen" "$bench/bin/Release/net10.0/CmaaGen.dll" -o "$work/bin/CmaaGen.dll" \
  -r "$runtime/*.dll" -r "$bench/bin/Release/net10.0/Microsoft.CodeAnalysis*.dll" \
  --targetos:linux --targetarch:x64 -O > "$work/crossgen.txt" 2>&1 || { cat "$work/crossgen.txt"; exit 1; }

# The benchmark finds the repository from the working directory when its own folder is outside it.
cd "$root"
"$work/bin/CmaaGen.Benchmarks" "$@"
