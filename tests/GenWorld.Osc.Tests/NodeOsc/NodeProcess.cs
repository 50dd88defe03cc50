using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace GenWorld.Osc.Tests.NodeOsc;

/// <summary>A running node script whose stdout lines (JSON) are collected; closing stdin ends the server script.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _stderr = new();

    public NodeProcess(string folder, string script, string[] arguments)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (string a in arguments) info.ArgumentList.Add(a);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _lines.CompleteAdding();
            else _lines.Add(e.Data);
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stderr => string.Join('\n', _stderr);

    /// <summary>The next stdout line as JSON; a timeout names the script's stderr.</summary>
    public JsonElement NextJson(TimeSpan timeout)
    {
        if (!_lines.TryTake(out string? line, timeout))
            throw new TimeoutException($"node printed nothing for {timeout.TotalSeconds} s. stderr: {Stderr}");
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.Clone();
    }

    /// <summary>Up to <paramref name="count"/> lines, as many as came before the timeout.</summary>
    public List<JsonElement> Take(int count, TimeSpan timeout)
    {
        var result = new List<JsonElement>();
        var clock = Stopwatch.StartNew();
        while (result.Count < count && clock.Elapsed < timeout && _lines.TryTake(out string? line, timeout - clock.Elapsed))
        {
            using var doc = JsonDocument.Parse(line);
            result.Add(doc.RootElement.Clone());
        }
        return result;
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(3))) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has already exited
        }
        _process.Dispose();
        _lines.Dispose();
    }
}
