using System;
using System.IO;
using System.Linq;
using CmaaGen.Analysis;
using CmaaGen.Diagnostics;

namespace CmaaGen.Tests.Diagnostics;

/// <summary>Every rule has one ID, a help link to its own page, a release entry and a documented severity.</summary>
public class RuleCatalogTests
{
    private static string RepositoryFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    [Fact]
    public void Ids_are_unique_and_every_help_link_points_at_its_page()
    {
        Assert.Equal(Rules.All.Length, Rules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(Rules.All, rule =>
        {
            Assert.Equal("https://github.com/CmaaGen/CmaaGen/blob/main/docs/rules/" + rule.Id + ".md", rule.HelpLinkUri);
            var page = RepositoryFile("docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(page), rule.Id + " has no page");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + rule.Id + ": " + rule.Title, text);
            Assert.Contains("## Why", text);
            Assert.Contains("## Example", text);
            Assert.Contains("## Fix", text);
            Assert.Contains("## Suppress", text);
            Assert.Contains("## Severity", text);
            Assert.Contains(rule.Category.StartsWith("CmaaGen.Data") ? ".globalconfig" : ".editorconfig", text);
        });
    }

    [Fact]
    public void Every_page_is_a_rule()
    {
        var pages = Directory.GetFiles(RepositoryFile("docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(Rules.All.Select(r => r.Id).Order(), pages.Order());
    }

    [Fact]
    public void The_analyzer_supports_every_rule_it_reports_in_code()
        => Assert.Equal(
            Rules.CodeRules.Select(r => r.Id).Order(),
            new CountryAnalyzer().SupportedDiagnostics.Select(r => r.Id).Order());

    [Fact]
    public void A_page_says_there_is_a_code_fix_exactly_when_one_fixes_its_rule()
    {
        var fixedIds = typeof(CmaaGen.CodeFixes.UncheckedValueFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();
        Assert.Contains("CMAA004", fixedIds);
        Assert.All(Rules.All, rule => Assert.Contains(
            "| Code fix | " + (fixedIds.Contains(rule.Id) ? "yes" : "no") + " |",
            File.ReadAllText(RepositoryFile("docs", "rules", rule.Id + ".md"))));
    }

    [Fact]
    public void The_release_tracking_file_lists_every_rule_with_its_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "CmaaGen", "AnalyzerReleases.Unshipped.md"))
            .Where(l => l.StartsWith("CMAA", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[0]);
        Assert.All(Rules.All, rule =>
        {
            var row = rows[rule.Id];
            Assert.Equal(rule.Category, row[1]);
            Assert.Equal(rule.IsEnabledByDefault ? rule.DefaultSeverity.ToString() : "Disabled", row[2]);
        });
    }

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "CmaaGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("CmaaGen.sln not found above " + AppContext.BaseDirectory);
    }
}
