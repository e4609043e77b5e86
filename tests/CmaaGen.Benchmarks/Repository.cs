using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CmaaGen.Benchmarks;

internal static class Repository
{
    public static string Root
    {
        get
        {
            var directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "CmaaGen.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? Environment.CurrentDirectory;
        }
    }

    /// <summary>The folder of the BannedApiAnalyzers package restored for this project.</summary>
    public static string BannedApiAnalyzersFolder
        => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BannedApiAnalyzersFolder").Value!;
}
