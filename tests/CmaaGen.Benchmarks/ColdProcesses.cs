using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime;

namespace CmaaGen.Benchmarks;

/// <summary>
/// Runs a benchmark mode's child in fresh processes, as a compiler process that has just started: nothing of CmaaGen
/// is compiled yet in any of them. Each child prints one line that starts with <c>first run: N ms</c>.
/// </summary>
internal static class ColdProcesses
{
    /// <summary>Runs <paramref name="runs"/> children one after the other, and prints each one's line and the median first run.</summary>
    public static int Median(string mode, int runs, params string[] childArgs)
    {
        var firsts = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var line = Output(mode, childArgs).Trim();
            Console.WriteLine(line);
            firsts.Add(double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture));
        }

        firsts.Sort();
        Console.WriteLine($"median first run: {firsts[firsts.Count / 2]:F1} ms over {runs} processes");
        return 0;
    }

    /// <summary>Runs one child and relays what it prints.</summary>
    public static int Once(string mode, params string[] childArgs)
    {
        Console.Write(Output(mode, childArgs));
        return 0;
    }

    /// <summary>Whether these arguments are a child's: the parent passes <c>child</c> first.</summary>
    public static bool IsChild(string[] args, out string[] childArgs)
    {
        childArgs = args.Skip(1).ToArray();
        return args.FirstOrDefault() == "child";
    }

    /// <summary>Runs one child and returns what it printed.</summary>
    public static string Output(string mode, params string[] childArgs)
    {
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [mode, "child", .. childArgs]) { RedirectStandardOutput = true })!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException(mode + " failed in a child process: " + output);
        }

        return output;
    }
}

/// <summary>
/// The JIT done between <see cref="Open"/> and <see cref="Close"/>, read from <see cref="JitInfo"/>, with the
/// listener (if any) recording the same window, and what the window allocated and how many collections fell into it:
/// in a compiler process, the allocations decide whether one of its collections lands in CmaaGen's run. Open and close
/// one around a warm-up first, so that the window's own code is compiled before a measured window.
/// </summary>
internal sealed class JitWindow
{
    private readonly JitEvents? _events;
    private readonly TimeSpan _startTime;
    private readonly long _startMethods;
    private readonly long _startBytes;
    private readonly int _startCollections;
    private TimeSpan _time;
    private long _methods;
    private long _bytes;
    private int _collections;

    private JitWindow(JitEvents? events)
    {
        _events = events;
        _startTime = JitInfo.GetCompilationTime();
        _startMethods = JitInfo.GetCompiledMethodCount();
        _startCollections = GC.CollectionCount(0);
        _startBytes = GC.GetTotalAllocatedBytes(precise: true);
        events?.Start();
    }

    public static JitWindow Open(JitEvents? events) => new(events);

    /// <summary>Reads the JIT first, so that nothing the caller runs afterwards is counted.</summary>
    public void Close()
    {
        _time = JitInfo.GetCompilationTime() - _startTime;
        _methods = JitInfo.GetCompiledMethodCount() - _startMethods;
        _bytes = GC.GetTotalAllocatedBytes(precise: true) - _startBytes;
        _collections = GC.CollectionCount(0) - _startCollections;
        _events?.Stop();
    }

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"JIT {_time.TotalMilliseconds:F1} ms for {_methods} methods, {_bytes / 1024} KB allocated, {_collections} collections");
}
