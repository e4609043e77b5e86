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
