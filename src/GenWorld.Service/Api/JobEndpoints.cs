using System.Text.Json;
using GenWorld.Service.Jobs;
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
        app.MapGet("/jobs", (JobStore store) => Results.Ok(store.All().Select(j => View(store, j))));
        app.MapGet("/jobs/{id}", (string id, JobStore store) =>
            store.Get(id) is { } job ? Results.Ok(View(store, job)) : Problems.NotFound($"No job '{id}'."));
        app.MapDelete("/jobs/{id}", (string id, JobStore store, JobWorker worker) =>
        {
            if (store.Get(id) is not { } job) return Problems.NotFound($"No job '{id}'.");
            if (!worker.Cancel(id))
                return Problems.Of(StatusCodes.Status409Conflict, "Job already finished", $"Job '{id}' is {job.State.ToString().ToLowerInvariant()}; only queued or running jobs can be cancelled.");
            return Results.Accepted($"/jobs/{id}", View(store, store.Get(id)!));
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

    internal static JobView View(JobStore store, JobRecord job) => JobView.Of(job, JobPreviews.Latest(job.Id, store.RunDir(job.Id)));

    private static async Task<IResult> Submit(HttpContext context, JobStore store, JobRequestValidator validator, ServiceOptions options)
    {
        HttpRequest request = context.Request;
        if (request.ContentLength > options.MaxBodyBytes)
            return TooLarge(options);
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the job as application/json, not {type}.");
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
        if (job is null) return Problems.Invalid(errors);
        JobRecord stored = store.Add(job);
        return Results.Created($"/jobs/{stored.Id}", View(store, stored));
    }

    private static IResult TooLarge(ServiceOptions options) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Job requests are limited to {options.MaxBodyBytes} bytes.");
}
