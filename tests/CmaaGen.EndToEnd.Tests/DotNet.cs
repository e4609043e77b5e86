using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>The result of one dotnet CLI command.</summary>
public sealed record CommandResult(int ExitCode, string Output)
{
    /// <summary>Distinct warnings in a build's output (MSBuild repeats them in its summary).</summary>
    public int Warnings
        => new HashSet<string>(
            System.Text.RegularExpressions.Regex.Matches(Output, @"^.*: warning [A-Z]+\d+:.*$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Value.Trim())).Count;

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs the real dotnet CLI, with an environment that does not leak the caller's CI settings.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A CI runner sets CI=true, which turns CmaaGen's rules into errors: each test decides that for itself.
        foreach (var variable in new[] { "CI", "TF_BUILD", "ContinuousIntegrationBuild", "CmaaTreatAsErrors", "CmaaAnalysisMode", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} ran over {Timeout} in {workingDirectory}");
        }

        output.Append(await stdout).Append(await stderr);
        return new CommandResult(process.ExitCode, output.ToString());
    }

    public static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments) => RunAsync(workingDirectory, null, arguments);

    public static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "CmaaGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("CmaaGen.sln not found above " + AppContext.BaseDirectory);
    }
}
