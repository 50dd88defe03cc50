using System.Text.Json;
using GenWorld.Service.Jobs;
using GenWorld.Service.Security;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Service.Api;

/// <summary>
/// GET /jobs/{id}/events: server-sent events. First a "state" event with the whole job, then "progress", "preview",
/// "log" and "state" events as they happen; the stream ends after the state event of a finished job. A comment line
/// every 15 s keeps proxies from closing an idle stream.
/// </summary>
internal static class JobEventStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task Write(string id, HttpContext context, JobStore store, JobEvents events, PublicPaths paths)
    {
        // Subscribe before reading the snapshot, so nothing that happens in between is missed.
        using JobEvents.Subscription subscription = events.Subscribe(id);
        if (store.Get(id) is not { } job)
        {
            await Problems.NotFound($"No job '{id}'.").ExecuteAsync(context);
            return;
        }
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        CancellationToken aborted = context.RequestAborted;
        await Send(response, "state", JobEndpoints.View(store, paths, job), aborted);
        if (job.State.IsTerminal()) return;
        try
        {
            while (true)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(Heartbeat);
                JobEvent e;
                try
                {
                    e = await subscription.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }
                await Send(response, e.Type, e.Data, aborted);
                if (e.Type == "state" && e.Data is JobView { State: "succeeded" or "failed" or "cancelled" }) return;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task Send(HttpResponse response, string type, object data, CancellationToken ct)
    {
        string json = JsonSerializer.Serialize(data, data.GetType(), ServiceJson.Options);
        await response.WriteAsync($"event: {type}\ndata: {json}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
