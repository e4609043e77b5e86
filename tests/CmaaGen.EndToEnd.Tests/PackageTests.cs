using System;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>What is inside the one CmaaGen package.</summary>
[Collection(PackageCollection.Name)]
public class PackageTests(PackageFixture package)
{
    [Fact]
    public void Packs_with_one_command()
        => Assert.True(package.Pack.ExitCode == 0 && File.Exists(package.PackagePath), package.Pack.ToString());

    [Fact]
    public void Holds_the_analyzers_build_logic_readme_and_license_and_no_library()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/CmaaGen.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CmaaGen.CodeFixes.dll", entries);
        Assert.Contains("build/CmaaGen.props", entries);
        Assert.Contains("build/CmaaGen.targets", entries);
        Assert.Contains("buildTransitive/CmaaGen.props", entries);
        Assert.Contains("buildTransitive/CmaaGen.targets", entries);
        Assert.Contains("build/presets/CmaaGen.Strict.globalconfig", entries);
        Assert.Contains("build/presets/CmaaGen.Errors.globalconfig", entries);
        Assert.Contains("lists/us-cbp-2014.cmaa.csv", entries);
        Assert.Contains("lists/us-cbp-since-2014.cmaa.csv", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/") || e.StartsWith("ref/"));
    }

    [Fact]
    public void Is_a_development_dependency_with_no_runtime_dependency_and_full_metadata()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.GetEntry("CmaaGen.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

        Assert.Equal("CmaaGen", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Equal("https://github.com/CmaaGen/CmaaGen", Value("projectUrl"));
        Assert.Equal("https://github.com/CmaaGen/CmaaGen", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value);
        Assert.Empty(metadata.Elements().Where(e => e.Name.LocalName == "dependencies").SelectMany(e => e.Descendants()));
    }

    /// <summary>
    /// Command-line builds on Linux x64 load a precompiled (ReadyToRun) image of the very assembly in analyzers/ (the
    /// same module version id), made for Linux x64 and for the major version of the runtime the packing SDK runs on.
    /// Only a Linux x64 SDK makes it.
    /// </summary>
    [Fact]
    public void Holds_a_precompiled_copy_of_the_analyzer_made_for_Linux_x64()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var image = archive.GetEntry(PackageFixture.PrecompiledAnalyzer);
        if (!PackageFixture.PrecompiledHost)
        {
            Assert.Null(image);
            return;
        }

        Assert.NotNull(image);
        using var il = Open(archive.GetEntry(PackageFixture.ILAnalyzer)!);
        using var precompiled = Open(image);

        Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.NotEqual(0, precompiled.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        // AMD64 (0x8664) marked for Linux (0x7B79): the runtime refuses the image on any other OS or architecture.
        Assert.Equal(0x8664 ^ 0x7B79, (int)precompiled.PEHeaders.CoffHeader.Machine);
        Assert.Equal(Mvid(il), Mvid(precompiled));
    }

    private static PEReader Open(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new PEReader(ImmutableArray.Create(copy.ToArray()));
    }

    private static Guid Mvid(PEReader assembly)
    {
        var metadata = assembly.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
