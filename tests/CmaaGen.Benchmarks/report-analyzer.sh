#!/usr/bin/env bash
# Builds a project (the sample by default) with -p:ReportAnalyzer=true and prints what the compiler reports
# for CmaaGen: its rows of the analyzer and generator timing tables, the totals, and the time spent in Csc.
# Further arguments go to dotnet build (--no-dependencies rebuilds the project alone and leaves CmaaGen's assembly
# as it is, so a running compiler server can reuse the copy it has loaded).
#   tests/CmaaGen.Benchmarks/report-analyzer.sh [project-folder-or-file [dotnet build options...]]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
project="${1:-$root/samples/CustomsBroker}"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! dotnet build "$project" -c Release --no-incremental -p:ReportAnalyzer=true -bl:"$work/build.binlog" "$@" > "$work/build.txt" 2>&1; then
  cat "$work/build.txt"
  exit 1
fi

source "$root/tests/CmaaGen.Benchmarks/timing-log.sh"
timing_log "$work/build.binlog" "$work/build.log"
grep -E '^(Total analyzer execution time|Total generator execution time|[0-9.<]+ +[0-9<]+ +CmaaGen)' "$work/build.log" || true
grep -E '^[0-9]+ ms +Csc +[0-9]+ calls' "$work/build.log" | sed -E 's/^/Csc task: /' || true
