# Sourced by generator-share.sh and generator-floor.sh.
# pack_feed ROOT FEED VERSION: packs CmaaGen with VERSION into the folder FEED.
pack_feed() {
  dotnet pack "$1/src/CmaaGen.Package/CmaaGen.Package.csproj" -c Release -o "$2" -p:Version="$3" > "$2.pack.txt" 2>&1 \
    || { cat "$2.pack.txt"; exit 1; }
}

# feed_config DIR FEED: a nuget.config in DIR that adds the folder FEED to the default source.
feed_config() {
  cat > "$1/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="cmaagen" value="$2" />
  </packageSources>
</configuration>
CONFIG
}

# build_flag FLAG: --il adds to build_args the property that gives the compiler CmaaGen's IL assembly instead of the
# precompiled (ReadyToRun) one; any other flag stops the script.
build_args=()
build_flag() {
  case "$1" in
    --il) build_args+=(-p:CmaaReadyToRun=false) ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
}
