using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>
/// Compares text with an expected file under <c>Snapshots/</c> or with a stored file of the generator. Set
/// CMAAGEN_UPDATE_SNAPSHOTS=1 to rewrite the expected files in the source tree after a deliberate change, then review
/// the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
        => Match("Snapshots", "Snapshots", name, actual, callerPath);

    /// <summary>
    /// Compares text with one of the generator's stored files (<c>src/CmaaGen/Generation/Stored</c>), which the
    /// generator embeds and the test project copies to <c>Stored/</c>.
    /// </summary>
    public static void MatchStored(string name, string actual, [CallerFilePath] string callerPath = "")
        => Match("Stored", Path.Combine("..", "..", "src", "CmaaGen", "Generation", "Stored"), name, actual, callerPath);

    private static void Match(string outputFolder, string sourceFolder, string name, string actual, string callerPath)
    {
        if (Environment.GetEnvironmentVariable("CMAAGEN_UPDATE_SNAPSHOTS") == "1")
        {
            var target = Path.Combine(FindTestsRoot(callerPath), sourceFolder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, actual);
            return;
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, outputFolder, name);
        Assert.True(File.Exists(expectedPath), $"No expected file {outputFolder}/{name}: run the tests with CMAAGEN_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    private static string FindTestsRoot(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "CmaaGen.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The test project folder was not found from " + callerPath);
    }
}
