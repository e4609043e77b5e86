# Sourced by report-analyzer.sh and generator-share.sh.
# timing_log BINLOG OUT: writes to OUT the compiler's timing tables of the build in BINLOG, with MSBuild's performance
# summary. The compiler writes its tables only at diagnostic verbosity, so the binary log is replayed at that level;
# task ids and indentation are stripped from every line.
timing_log() {
  dotnet msbuild "$1" -noconlog -flp:"v=diag;logfile=$2.raw;PerformanceSummary" > /dev/null
  sed -E 's/ *\(TaskId:[0-9]+\)//; s/^ +//' "$2.raw" > "$2"
}
