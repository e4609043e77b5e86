using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace CmaaGen.Benchmarks;

/// <summary>
/// The runtime's JIT events, read in-process: how long each method took from the start of its compilation to its
/// load. The listener slows the JIT down a little, so the times are for comparing methods, not for budgets.
/// </summary>
internal sealed class JitEvents : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;

    private readonly ConcurrentDictionary<ulong, (DateTime Start, string Name)> _started = new();
    private readonly ConcurrentQueue<(string Name, double Milliseconds)> _compiled = new();
    private volatile bool _recording;
    private DateTime _end = DateTime.MaxValue;

    /// <summary>Methods whose compilation started between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    public IReadOnlyList<(string Name, double Milliseconds)> Compiled => _compiled.ToList();

    /// <summary>
    /// Starts recording, and forgets what came before: a warm-up run while recording compiles the listener's own code,
    /// so that it is not counted in the run that follows.
    /// </summary>
    public void Start()
    {
        _started.Clear();
        _compiled.Clear();
        _end = DateTime.MaxValue;
        _recording = true;
    }

    /// <summary>Stops recording once the runtime has delivered the events of the work done so far.</summary>
    public void Stop()
    {
        // Compilations that start later (tier-up of the code just run, in the background) are not the run's.
        _end = DateTime.UtcNow;

        // In-process listeners get the runtime's events from a dispatch thread, a little after they happen.
        Thread.Sleep(1000);
        _recording = false;
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        var id = Convert.ToUInt64(e.Payload[e.PayloadNames.IndexOf("MethodID")], CultureInfo.InvariantCulture);
        if (e.EventName == "MethodJittingStarted_V1" && e.TimeStamp.ToUniversalTime() <= _end)
        {
            _started[id] = (e.TimeStamp, e.Payload[e.PayloadNames.IndexOf("MethodNamespace")] + "::" + e.Payload[e.PayloadNames.IndexOf("MethodName")]);
        }
        else if (e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) == true && _started.TryRemove(id, out var start))
        {
            _compiled.Enqueue((start.Name, (e.TimeStamp - start.Start).TotalMilliseconds));
        }
    }

    /// <summary>The methods by type (generic arity dropped), then the slowest methods.</summary>
    public void Print(int top)
    {
        var compiled = Compiled;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{compiled.Count} methods, {compiled.Sum(m => m.Milliseconds):F1} ms of JIT (with this listener on)"));
        Console.WriteLine("by type:");
        foreach (var type in compiled.GroupBy(m => m.Name.Split("::")[0].Split('`')[0]).OrderByDescending(g => g.Sum(m => m.Milliseconds)).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type.Sum(m => m.Milliseconds),8:F2} ms {type.Count(),4}  {type.Key}"));
        }

        Console.WriteLine("slowest methods:");
        foreach (var method in compiled.OrderByDescending(m => m.Milliseconds).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method.Milliseconds,8:F2} ms  {method.Name}"));
        }
    }
}
