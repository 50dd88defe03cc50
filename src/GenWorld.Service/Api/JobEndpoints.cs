using System.Text.Json;
using GenWorld.Service.Jobs;
using GenWorld.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenWorld.Service.Api;

/// <summary>POST/GET/DELETE /jobs, the event stream and previews.</summary>
internal static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/jobs", Submit);
        // Broken jobs (an unreadable job.json) are listed too, with their problem: a job is never lost silently.
        app.MapGet("/jobs", (JobStore store, PublicPaths paths) =>
            Results.Ok(store.All().Select(j => View(store, paths, j)).Concat(store.Broken.Select(b => JobView.Of(b, paths)))));
        app.MapGet("/jobs/{id}", (string id, JobStore store, PublicPaths paths) =>
            store.Get(id) is { } job ? Results.Ok(View(store, paths, job))
            : store.Broken.FirstOrDefault(b => b.Id == id) is { } broken ? Results.Ok(JobView.Of(broken, paths))
            : Problems.NotFound($"No job '{id}'."));
        app.MapDelete("/jobs/{id}", (string id, JobStore store, JobWorker worker, PublicPaths paths) =>
        {
            if (store.Get(id) is not { } job) return Problems.NotFound($"No job '{id}'.");
            if (!worker.Cancel(id))
                return Problems.Of(StatusCodes.Status409Conflict, "Job already finished", $"Job '{id}' is {job.State.ToString().ToLowerInvariant()}; only queued or running jobs can be cancelled.");
            return Results.Accepted($"/jobs/{id}", View(store, paths, store.Get(id)!));
        });
        app.MapGet("/jobs/{id}/events", JobEventStream.Write);
        app.MapGet("/jobs/{id}/previews/{**file}", (string id, string file, JobStore store) =>
        {
            if (store.Get(id) is null) return Problems.NotFound($"No job '{id}'.");
            string? path = JobPreviews.Resolve(store.RunDir(id), file);
            return path is null
                ? Problems.NotFound($"Job '{id}' has no preview '{file}' (previews are .wav/.png files listed in the job's previews).")
                : Results.File(path, JobPreviews.ContentType(path));
        });
    }

    internal static JobView View(JobStore store, PublicPaths paths, JobRecord job) => JobView.Of(job, JobPreviews.Latest(job.Id, store.RunDir(job.Id)), paths);

    private static async Task<IResult> Submit(HttpContext context, JobStore store, JobRequestValidator validator, ServiceOptions options, PublicPaths paths)
    {
        // The Content-Type (application/json) was checked for every request by JsonBodyCheck.
        HttpRequest request = context.Request;
        if (request.ContentLength > options.MaxBodyBytes)
        {
            await DrainAsync(context);
            return TooLarge(options);
        }
        JobRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JobRequest>(request.Body, ServiceJson.Options, context.RequestAborted);
        }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 1 } p ? $" at {p}" : "";
            return Problems.Of(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not a valid job request{where}: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
        if (body is null) return Problems.Of(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is JSON null; send a job object.");
        var errors = new List<string>();
        JobRecord? job = validator.Validate(body, errors);
        if (job is null) return Problems.Invalid(paths.Redact(errors));
        if (store.TryAdd(job, options.MaxQueuedJobs) is not { } stored)
            return Problems.Of(StatusCodes.Status429TooManyRequests, "Queue full",
                $"{options.MaxQueuedJobs} jobs are already waiting (--max-queued); wait for some to finish or cancel some (DELETE /jobs/{{id}}), then submit again.");
        return Results.Created($"/jobs/{stored.Id}", View(store, paths, stored));
    }

    /// <summary>Largest oversized body read and discarded before the 413, so the client can finish sending and read the answer.</summary>
    private const long DrainLimit = 1 << 20;

    /// <summary>
    /// Reads and discards a too-large body of at most <see cref="DrainLimit"/> bytes (in 16 KiB pieces, nothing kept):
    /// answering before the client has sent it made Kestrel close the connection mid-upload, and the client saw a broken
    /// pipe instead of the clear 413. Larger bodies are not read; their clients get the reset.
    /// </summary>
    private static async Task DrainAsync(HttpContext context)
    {
        if (context.Request.ContentLength > DrainLimit) return;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = DrainLimit;
        byte[] buffer = new byte[16 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0) { }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client went away or sent more than it announced: the 413 still goes out if the connection lives.
        }
    }

    private static IResult TooLarge(ServiceOptions options) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Job requests are limited to {options.MaxBodyBytes} bytes.");
}
