using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>A folder holding one or more consumer projects of the packed CmaaGen.</summary>
public sealed class Consumer(PackageFixture package, string directory)
{
    public string Directory => directory;

    /// <summary>Writes a project that references the packed CmaaGen, with a private package cache.</summary>
    public Consumer Project(string name, string extraProperties = "", string extraItems = "", string outputType = "Exe", string targetFramework = "net10.0")
    {
        return File(Path.Combine(name, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RestorePackagesPath>{package.PackagesFolder}</RestorePackagesPath>
                <RestoreAdditionalProjectFallbackFolders>{PackageFixture.GlobalPackagesFolder}</RestoreAdditionalProjectFallbackFolders>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CmaaGen" Version="{package.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
    }

    public Consumer File(string relativePath, string text)
    {
        var path = Path.Combine(directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return this;
    }

    public string Read(string relativePath) => System.IO.File.ReadAllText(Path.Combine(directory, relativePath));

    public void Delete(string relativePath) => System.IO.File.Delete(Path.Combine(directory, relativePath));

    public Task<CommandResult> DotNetAsync(params string[] arguments) => DotNet.RunAsync(directory, arguments);

    public Task<CommandResult> DotNetAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) => DotNet.RunAsync(directory, environment, arguments);
}
