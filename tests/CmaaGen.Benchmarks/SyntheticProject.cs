using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CmaaGen.Benchmarks;

/// <summary>
/// A deterministic synthetic application of N files that looks like line-of-business code: services with fields,
/// properties, string literals, loops, conditionals, calls to each other and through local delegates, and a realistic share of calls
/// into customs data exchange contexts (about one call in twenty).
/// </summary>
internal static class SyntheticProject
{
    private static readonly string[] Countries = ["DE", "FR", "JP", "KR", "IR", "US", "GB", "MX", "CA", "BR", "CN", "IN", "XX", "Germany", "deu", "276"];

    /// <summary>The exchange contexts every file calls, marked with the generated attribute (or declared in an API list).</summary>
    public const string Gateway = """
        using System.Collections.Generic;
        using Cmaa;

        namespace Synthetic
        {
            public sealed class CustomsGateway
            {
                public void Send([CustomsDataExchange] string country, string payload) { }
                public void SendMany([CustomsDataExchange] params string[] countries) { }
                [CustomsDataExchange] public string Destination { get; set; } = "";
            }

            public sealed class Declaration
            {
                [CustomsDataExchange] public string Origin { get; set; } = "";
                public string Goods { get; set; } = "";
                public decimal Value { get; set; }
            }
        }
        """;

    public static List<string> Create(int files, bool withContexts = true)
    {
        var random = new Random(20261128);
        var sources = new List<string>(files + 1);
        if (withContexts)
        {
            sources.Add(Gateway);
        }

        for (var i = 0; i < files; i++)
        {
            sources.Add(File(i, files, random, withContexts));
        }

        return sources;
    }

    private static string File(int index, int files, Random random, bool withContexts)
    {
        var text = new StringBuilder();
        text.Append("using System;\nusing System.Collections.Generic;\n\nnamespace Synthetic.Module").Append(index / 100).Append("\n{\n");
        text.Append("    public sealed class Service").Append(index).Append("\n    {\n");
        text.Append("        private readonly Dictionary<string, decimal> _totals = new();\n");
        text.Append("        private readonly List<string> _log = new();\n");
        text.Append("        public string Name { get; set; } = \"Service").Append(index).Append("\";\n");
        text.Append("        public int Counter { get; private set; }\n\n");
        for (var m = 0; m < 8; m++)
        {
            text.Append("        public decimal Method").Append(m).Append("(string key, int amount)\n        {\n");
            text.Append("            var total = 0m;\n");
            text.Append("            for (var i = 0; i < amount; i++)\n            {\n");
            text.Append("                total += i * ").Append(random.Next(1, 100)).Append("m;\n");
            text.Append("                if (key.StartsWith(\"").Append((char)('A' + random.Next(26))).Append("\", StringComparison.Ordinal))\n                {\n");
            text.Append("                    _log.Add(key + \":").Append(random.Next(1000)).Append("\");\n");
            text.Append("                }\n            }\n\n");
            var other = random.Next(files);
            if (other != index)
            {
                text.Append("            total += new Synthetic.Module").Append(other / 100).Append(".Service").Append(other).Append("().Method").Append(random.Next(8)).Append("(\"k").Append(m).Append("\", 2);\n");
            }

            // A call through a local delegate, which the analyzer follows to what the local holds.
            if (random.Next(8) == 0)
            {
                text.Append("            Func<string, int> weigh = s => s.Length * ").Append(random.Next(1, 10)).Append(";\n");
                text.Append("            total += weigh(key);\n");
            }

            if (withContexts && random.Next(20) == 0)
            {
                text.Append(Exchange(random));
            }

            text.Append("            _totals[key] = total;\n");
            text.Append("            Counter++;\n");
            text.Append("            return total > 1000m ? total / 2 : total;\n        }\n\n");
        }

        text.Append("    }\n}\n");
        return text.ToString();
    }

    private static string Exchange(Random random)
    {
        var country = Countries[random.Next(Countries.Length)];
        return random.Next(4) switch
        {
            0 => "            new Synthetic.CustomsGateway().Send(\"" + country + "\", \"payload\");\n",
            1 => "            var destination = key.Length > 3 ? \"" + country + "\" : \"DE\";\n            new Synthetic.CustomsGateway().Send(destination, key);\n",
            2 => "            new Synthetic.CustomsGateway { Destination = \"" + country + "\" }.SendMany(\"FR\", \"" + country + "\");\n",
            _ => "            var declaration = new Synthetic.Declaration { Origin = key, Goods = \"parts\", Value = total };\n",
        };
    }

    /// <summary>
    /// Writes the project to disk with a project file that uses CmaaGen from the source tree, for a real
    /// build with -p:ReportAnalyzer=true (see docs/performance.md).
    /// </summary>
    public static void Write(string folder, int files)
    {
        System.IO.Directory.CreateDirectory(folder);
        var sources = Create(files);
        for (var i = 0; i < sources.Count; i++)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "File" + i.ToString(CultureInfo.InvariantCulture) + ".cs"), sources[i]);
        }

        var src = System.IO.Path.Combine(Repository.Root, "src");
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{src}/CmaaGen.Package/build/CmaaGen.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <CmaaTreatAsErrors>false</CmaaTreatAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/CmaaGen/CmaaGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" />
                <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="3.3.4" PrivateAssets="all" />
                <AdditionalFiles Include="BannedSymbols.txt" />
              </ItemGroup>
              <Import Project="{src}/CmaaGen.Package/build/CmaaGen.targets" />
            </Project>
            """);
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "BannedSymbols.txt"), BannedSymbols(68));
        Console.WriteLine($"Wrote {sources.Count} files to {folder}");
    }

    /// <summary>A BannedSymbols.txt naming as many members as the list has rows, half of them used by the project.</summary>
    public static string BannedSymbols(int entries)
        => string.Join("\n", Enumerable.Range(0, entries).Select(i =>
            "M:Synthetic.Module" + (i / 100).ToString(CultureInfo.InvariantCulture) + ".Service" + i.ToString(CultureInfo.InvariantCulture)
            + ".Method" + (i % 8).ToString(CultureInfo.InvariantCulture) + "(System.String,System.Int32);Use the new API")) + "\n";
}
