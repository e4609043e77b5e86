using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>
/// Packs CmaaGen once per test run, with a version no earlier run used, into a temporary folder feed. Its
/// consumers restore into a private package folder, so no stale copy from an earlier run can be picked up.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cmaagen-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string Version { get; } = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(Root, "feed");

    public string PackagesFolder => Path.Combine(Root, "packages");

    public string PackagePath => Path.Combine(Feed, "CmaaGen." + Version + ".nupkg");

    public CommandResult Pack { get; private set; } = new(-1, "not packed");

    /// <summary>The package's path of the analyzer and its IL copy's, as the compiler's /analyzer: arguments name them.</summary>
    public const string ILAnalyzer = "analyzers/dotnet/cs/CmaaGen.dll";

    /// <summary>
    /// Where the package holds the precompiled analyzer: made by a linux-x64 SDK for its runtime's major version, the
    /// one these tests run on, as the same SDK packs the package and builds its consumers.
    /// </summary>
    public static string PrecompiledAnalyzer => "build/readytorun/net" + Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + "-linux-x64/CmaaGen.dll";

    /// <summary>Whether this host packs the precompiled analyzer, and its command-line builds use it.</summary>
    public static bool PrecompiledHost => RuntimeInformation.RuntimeIdentifier == "linux-x64";

    /// <summary>The machine's package folder, where restore finds what the NuGet copy served before.</summary>
    public static string GlobalPackagesFolder => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        // The package folder named without a trailing separator, as a NUGET_PACKAGES setting often is: the precompiled
        // copy's crossgen2 path was once built from it without one, and every pack on such a machine failed.
        var packagesFolder = new Dictionary<string, string> { ["NUGET_PACKAGES"] = GlobalPackagesFolder.TrimEnd('/', '\\') };
        Pack = await DotNet.RunAsync(
            DotNet.RepositoryRoot(),
            packagesFolder,
            "pack", Path.Combine("src", "CmaaGen.Package", "CmaaGen.Package.csproj"),
            "-c", "Release",
            "-o", Feed,
            "-p:Version=" + Version,
            "--artifacts-path", Path.Combine(Root, "artifacts"));
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is left to the OS.
        }

        return Task.CompletedTask;
    }

    /// <summary>A new, empty consumer folder with a nuget.config that adds the test feed to the machine's sources.</summary>
    public Consumer NewConsumer(string name)
    {
        var directory = Path.Combine(Root, "consumers", name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cmaagen-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return new Consumer(this, directory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    // Consumer builds share two cores: they run one after another.
    public const string Name = "Packed CmaaGen";
}
