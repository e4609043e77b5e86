#!/usr/bin/env bash
# What CmaaGen's generator adds to a build whose compiler starts in a new process. Packs CmaaGen, writes the same
# one-file console app twice, with the package and without it, and builds the two in turn with -p:ReportAnalyzer=true
# and no compiler server. Prints each build's generator table (every generator's time) and, at the end, the medians of
# CmaaGen's generator and analyzer rows and of the total generator time with and without the package. With --il the
# compiler gets the IL assembly where the package would give it the precompiled one (Linux x64; CmaaReadyToRun=false).
#   tests/CmaaGen.Benchmarks/generator-share.sh [builds-per-app] [--il]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
builds="${1:-6}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="1.0.0-share.$(date -u +%Y%m%d%H%M%S)"
source "$root/tests/CmaaGen.Benchmarks/timing-log.sh"
source "$root/tests/CmaaGen.Benchmarks/package-feed.sh"
for flag in "${@:2}"; do build_flag "$flag"; done

pack_feed "$root" "$work/feed" "$version"

for app in with without; do
  mkdir -p "$work/$app"
  feed_config "$work/$app" "$work/feed"
  reference=""
  program='System.Console.WriteLine(true);'
  if [ "$app" = with ]; then
    reference="<ItemGroup><PackageReference Include=\"CmaaGen\" Version=\"$version\" /></ItemGroup>"
    program='System.Console.WriteLine(Cmaa.CmaaAgreements.HasAgreement("DE"));'
  fi
  cat > "$work/$app/App.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  $reference
</Project>
EOF
  echo "$program" > "$work/$app/Program.cs"
  dotnet restore "$work/$app/App.csproj" > "$work/$app/restore.txt" 2>&1 || { cat "$work/$app/restore.txt"; exit 1; }
done

# One build: prints its generator table, and records "app total cmaagen-row" in results.txt.
build() {
  local app="$1" log="$work/$1/build.log"
  dotnet build "$work/$app/App.csproj" -c Release --no-restore --no-incremental -p:UseSharedCompilation=false \
    "${build_args[@]}" -p:ReportAnalyzer=true -bl:"$work/$app/build.binlog" > "$work/$app/build.txt" 2>&1 || { cat "$work/$app/build.txt"; exit 1; }
  timing_log "$work/$app/build.binlog" "$log"
  awk '/^Total generator execution time/{f=1} f && /^[0-9.<]+ +[0-9<]+ +[A-Za-z]/ && !/Version=/' "$log" > "$work/$app/rows.txt"
  local total cmaagen analyzer
  total=$(grep -m1 -oE 'Total generator execution time: [0-9.]+' "$log" | grep -oE '[0-9.]+$')
  cmaagen=$(awk '/CmaaGen.Generation.CmaaGenerator/{print $1}' "$work/$app/rows.txt")
  analyzer=$(awk '/^Total analyzer execution time/{f=1} /^Total generator execution time/{f=0} f && /CmaaGen.Analysis.CountryAnalyzer/{print $1}' "$log")
  echo "--- $app: generators $total s${analyzer:+, analyzer row $analyzer s}"
  sed 's/^/    /' "$work/$app/rows.txt"
  echo "$app $total ${cmaagen:--} ${analyzer:--}" >> "$work/results.txt"
}

for ((i = 1; i <= builds; i++)); do
  build with
  build without
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
echo
echo "medians of $builds builds each (seconds):"
echo "  all generators, with CmaaGen:    $(awk '$1=="with"{print $2}' "$work/results.txt" | median)"
echo "  all generators, without CmaaGen: $(awk '$1=="without"{print $2}' "$work/results.txt" | median)"
echo "  CmaaGen's own row:               $(awk '$1=="with"{print $3}' "$work/results.txt" | median)"
echo "  CmaaGen's analyzer row:          $(awk '$1=="with"{print $4}' "$work/results.txt" | median)"
