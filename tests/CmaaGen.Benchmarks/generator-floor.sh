#!/usr/bin/env bash
# CmaaGen's generator in a new compiler process, against the honest baseline: a generator with the same pipeline
# shape and no work (tests/CmaaGen.Benchmarks.BaselineGenerator). Packs CmaaGen, writes a one-file netstandard2.0
# library and a one-file net10.0 console app that use the package, and takes the compiler command line of each from
# a real build. Then runs the SDK's compiler on that command line, each run a new process with -reportanalyzer, in
# three ways, in turn:
#   cmaagen    the build's command line: CmaaGen where the package puts it (before the SDK's generators)
#   baseline   the baseline generator in CmaaGen's place
#   both       the baseline generator, then CmaaGen
# and prints the medians of CmaaGen's row, the baseline's row and the total generator time. The baseline's row is what
# any generator of this shape costs in a new process; CmaaGen's row after it is what CmaaGen's own work costs.
# With --own-list the projects give the default list as a list of their own, so CmaaGen parses it and emits the code
# instead of using the default list's stored files. With --namespace they set CmaaNamespace to another namespace. With
# --il the compiler gets the IL assembly where the package would give it the precompiled one (Linux x64;
# CmaaReadyToRun=false).
#   tests/CmaaGen.Benchmarks/generator-floor.sh [runs-per-way] [--own-list] [--namespace] [--il]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-8}"
own_list=""
namespace=""
source "$root/tests/CmaaGen.Benchmarks/package-feed.sh"
for flag in "${@:2}"; do
  case "$flag" in
    --own-list) own_list="$flag" ;;
    --namespace) namespace="<CmaaNamespace>Contoso.Customs</CmaaNamespace>" ;;
    *) build_flag "$flag" ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="1.0.0-floor.$(date -u +%Y%m%d%H%M%S)"
ways=(cmaagen baseline both)

pack_feed "$root" "$work/feed" "$version"
dotnet build "$root/tests/CmaaGen.Benchmarks.BaselineGenerator" -c Release -o "$work/baseline" > "$work/baseline.txt" 2>&1 \
  || { cat "$work/baseline.txt"; exit 1; }
baseline="/analyzer:$work/baseline/CmaaGen.Benchmarks.BaselineGenerator.dll"

# project name, target framework, output type, source: a project that uses the package, and one response file per way.
project() {
  local name="$1" dir="$work/$1"
  mkdir -p "$dir"
  feed_config "$dir" "$work/feed"
  cat > "$dir/$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$2</TargetFramework>
    <OutputType>$3</OutputType>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
    $namespace
  </PropertyGroup>
  <ItemGroup><PackageReference Include="CmaaGen" Version="$version" /></ItemGroup>
  <ItemGroup Condition="'$own_list' == '--own-list'"><AdditionalFiles Include="$root/data/us-cbp-2014.cmaa.csv" /></ItemGroup>
</Project>
EOF
  # The source names no generated type, so the same source compiles in every way.
  echo "$4" > "$dir/Code.cs"
  dotnet build "$dir/$name.csproj" -c Release -p:UseSharedCompilation=false "${build_args[@]}" -v:d > "$dir/build.txt" 2>&1 \
    || { cat "$dir/build.txt"; exit 1; }
  # The compiler's command line, one argument per line (no path here holds a space).
  grep -m1 -E '^ +/.*/csc /noconfig ' "$dir/build.txt" | sed -E 's/^ +//' | tr ' ' '\n' \
    | grep -vE '^/(out|refout|doc|errorlog):' > "$dir/args.txt"
  head -1 "$dir/args.txt" > "$dir/compiler.txt"
  sed -i '1d' "$dir/args.txt"
  echo "/out:$dir/out.dll" >> "$dir/args.txt"
  echo "/reportanalyzer" >> "$dir/args.txt"
  grep -q '/cmaagen/.*/CmaaGen.dll$' "$dir/args.txt" || { echo "no CmaaGen analyzer in $name's command line"; exit 1; }
  echo "$name: the compiler gets $(grep -oE '/cmaagen/[^/]+/.*/CmaaGen.dll$' "$dir/args.txt" | cut -d/ -f4-)"
  cp "$dir/args.txt" "$dir/cmaagen.rsp"
  awk -v b="$baseline" '/\/cmaagen\/.*\/CmaaGen\.dll$/ {print b; next} /\/cmaagen\// {next} {print}' "$dir/args.txt" > "$dir/baseline.rsp"
  awk -v b="$baseline" '/\/cmaagen\/.*\/CmaaGen\.dll$/ {print b} {print}' "$dir/args.txt" > "$dir/both.rsp"
}

project Library netstandard2.0 Library 'public static class Codes { public static bool IsCode(string value) { return value.Length == 2; } }'
project App net10.0 Exe 'System.Console.WriteLine(System.Environment.ProcessorCount > 0);'

# One run: "project way total cmaagen-row baseline-row" in results.txt, "-" for a row that is not there.
run() {
  local dir="$work/$1" out="$work/run.txt"
  (cd "$dir" && "$(cat "$dir/compiler.txt")" "@$dir/$2.rsp" > "$out" 2>&1) || { cat "$out"; exit 1; }
  local total cmaagen base
  total=$(grep -m1 -oE 'Total generator execution time: [0-9.]+' "$out" | grep -oE '[0-9.]+$')
  cmaagen=$(awk '$3 == "CmaaGen.Generation.CmaaGenerator" {print $1 * 1000}' "$out")
  base=$(awk '$3 == "CmaaGen.Benchmarks.Baseline.BaselineGenerator" {print $1 * 1000}' "$out")
  echo "$1 $2 $(awk -v t="$total" 'BEGIN {print t * 1000}') ${cmaagen:--} ${base:--}" >> "$work/results.txt"
}

for ((i = 1; i <= runs; i++)); do
  for p in Library App; do
    for way in "${ways[@]}"; do
      run "$p" "$way"
    done
  done
done

median() { grep -v '^-$' | sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
range() { grep -v '^-$' | sort -n | awk 'NR == 1 {lo=$1} {hi=$1} END {if (NR > 0) print "(" lo "-" hi ")"}'; }
column() { awk -v p="$1" -v w="$2" -v c="$3" '$1 == p && $2 == w {print $c}' "$work/results.txt"; }
echo "medians of $runs runs per way, ms (range): CmaaGen's row, the baseline's row, all generators"
for p in Library App; do
  for way in "${ways[@]}"; do
    printf '  %-8s %-9s CmaaGen %s %s  baseline %s %s  all %s %s\n' "$p" "$way" \
      "$(column "$p" "$way" 4 | median)" "$(column "$p" "$way" 4 | range)" \
      "$(column "$p" "$way" 5 | median)" "$(column "$p" "$way" 5 | range)" \
      "$(column "$p" "$way" 3 | median)" "$(column "$p" "$way" 3 | range)"
  done
done
