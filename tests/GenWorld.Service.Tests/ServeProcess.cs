using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenWorld.Service.Tests;

/// <summary>The real `genworld serve` as a child process (genworld-tools.dll, the training tools, is copied beside the tests), so it can be killed with SIGKILL.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServeProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts serve on a free port; another process may grab the port between the probe and the bind, so retry then.</summary>
    public static async Task<ServeProcess> StartAsync(TestData data, params string[] extra)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(data, extra);
            }
            catch (ServeExitedException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Try another port.
            }
        }
    }

    private static async Task<ServeProcess> StartOnceAsync(TestData data, string[] extra)
    {
        int port = FreePort();
        string baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "genworld-tools.dll"), "serve", "--urls", baseUrl, "--data", data.Data, "--models", data.Models, "--state", data.State })
            info.ArgumentList.Add(arg);
        foreach (string arg in extra) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var serve = new ServeProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = TestService.Client(baseUrl);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // drains the redirected output into the log
                string message = $"genworld serve exited with {process.ExitCode}: {serve.Log}";
                serve.Dispose();
                throw new ServeExitedException(message);
            }
            try
            {
                using HttpResponseMessage ok = await http.GetAsync("jobs");
                if (ok.IsSuccessStatusCode) return serve;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"genworld serve did not answer in 90 s: {serve.Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no final checkpoint, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>The serve child ended before it answered.</summary>
internal sealed class ServeExitedException(string message) : Exception(message);
