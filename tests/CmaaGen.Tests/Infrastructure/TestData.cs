using System;
using System.IO;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>The repository's data files, copied next to the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>A small list exercising every column: owner, provenance, kinds, statuses, coverage.</summary>
    public const string SmallList = """
        # provenance: Example administration, test list
        # owner: US
        country,name,signed,in_force,status,kind,note,source,covers
        DE,Germany,1990-07-03,1991,in force,bilateral,"A note with ""quotes"" & <markup>",https://example.org/de,
        GB,United Kingdom,2020-12-16,,signed,bilateral,Post-Brexit,,
        TW,Taiwan,2001-01-17,2001-01-17,,other,AIT-TECRO,,
        EU,European Union,1997-05-28,1997-08-01,,bilateral,,,HR;EE;LU
        CI,,,,terminated,non-binding,,,
        """;
}
