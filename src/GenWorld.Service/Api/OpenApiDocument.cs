using System.Text.Json.Nodes;
using GenWorld.Service.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenWorld.Service.Api;

/// <summary>GET /openapi.json: an OpenAPI 3.1 description written from the same recipes the validator uses (so hyper-parameters cannot drift).</summary>
internal static class OpenApiDocument
{
    public static void Map(IEndpointRouteBuilder app)
    {
        string json = Build().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        app.MapGet("/openapi.json", () => Results.Text(json, "application/json"));
    }

    internal static JsonObject Build()
    {
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "GenWorld training service", ["version"] = "1.0", ["description"] = "Train, fine-tune and publish GenWorld models; every error is application/problem+json." },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "Required when the service was started with --token (always when it listens beyond loopback)." } },
                ["schemas"] = new JsonObject { ["JobRequest"] = JobRequestSchema(), ["Job"] = JobSchema(), ["Problem"] = ProblemSchema() },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject()),
            ["paths"] = new JsonObject
            {
                ["/jobs"] = new JsonObject
                {
                    ["post"] = Op("Queue a training job", body: Ref("JobRequest"), responses: [("201", "Queued", Ref("Job")), ("400", "Invalid request (every problem listed in errors)", Ref("Problem")), ("401", "Token missing or wrong", Ref("Problem")), ("413", "Body too large", Ref("Problem")), ("415", "Not JSON", Ref("Problem"))]),
                    ["get"] = Op("All jobs, oldest first", responses: [("200", "Jobs", new JsonObject { ["type"] = "array", ["items"] = Ref("Job") })]),
                },
                ["/jobs/{id}"] = new JsonObject
                {
                    ["get"] = Op("One job: state, step, loss, ETA, metrics, preview links", id: true, responses: [("200", "The job", Ref("Job")), ("404", "No such job", Ref("Problem"))]),
                    ["delete"] = Op("Cancel a queued or running job (a running one stops at its next step, after a checkpoint)", id: true, responses: [("202", "Cancelling", Ref("Job")), ("404", "No such job", Ref("Problem")), ("409", "Already finished", Ref("Problem"))]),
                },
                ["/jobs/{id}/events"] = new JsonObject
                {
                    ["get"] = Op("Server-sent events: state (the whole job), progress {step, fraction, loss, losses, stepsPerSecond, etaSeconds}, preview {files}, log {message}; ends after the final state", id: true,
                        responses: [("200", "text/event-stream", null), ("404", "No such job", Ref("Problem"))]),
                },
                ["/jobs/{id}/previews/{file}"] = new JsonObject
                {
                    ["get"] = Op("A preview file (WAV or PNG) from the job's previews list", id: true, file: true, responses: [("200", "audio/wav or image/png", null), ("404", "No such preview", Ref("Problem"))]),
                },
                ["/models"] = new JsonObject { ["get"] = Op("Models under the models root with their published versions and metrics", responses: [("200", "Models", null)]) },
                ["/openapi.json"] = new JsonObject { ["get"] = Op("This document", responses: [("200", "OpenAPI 3.1", null)]) },
            },
        };
    }

    private static JsonObject JobRequestSchema()
    {
        var kinds = new JsonArray([.. TrainRecipes.All.Select(r => (JsonNode)r.Kind)]);
        var byKind = new JsonObject();
        foreach (ITrainRecipe recipe in TrainRecipes.All)
        {
            var props = new JsonObject();
            foreach (HyperParameter p in recipe.Parameters)
                props[p.Name] = new JsonObject { ["type"] = p.IsInteger ? "integer" : "number", ["default"] = p.Default, ["minimum"] = p.Min, ["maximum"] = p.Max, ["description"] = p.Description };
            byKind[recipe.Kind] = new JsonObject { ["description"] = recipe.Description, ["type"] = "object", ["additionalProperties"] = false, ["properties"] = props };
        }
        return new JsonObject
        {
            ["type"] = "object", ["additionalProperties"] = false, ["required"] = new JsonArray("kind", "dataset"),
            ["properties"] = new JsonObject
            {
                ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = kinds },
                ["dataset"] = new JsonObject { ["type"] = "string", ["description"] = "Folder under the data root (e.g. fixtures/notes); '..', outside absolute paths and symlinks out are refused." },
                ["name"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9][a-z0-9._-]{0,63}$", ["description"] = "Publish as models/<name>/<version>/ (default: the kind)." },
                ["hyperparameters"] = new JsonObject { ["type"] = "object", ["description"] = "By kind; see x-hyperparameters.", ["additionalProperties"] = new JsonObject { ["type"] = "number" } },
                ["steps"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["minutes"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 },
                ["seed"] = new JsonObject { ["type"] = "integer", ["default"] = 1 },
                ["checkpointEverySteps"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["baseModel"] = new JsonObject { ["type"] = "string", ["description"] = "\"name\" or \"name/version\" of a model this service trained, to fine-tune from." },
                ["sweep"] = Sweeps.SweepSchema.Request(),
            },
            ["x-hyperparameters"] = byKind,
        };
    }

    private static JsonObject JobSchema()
    {
        var props = new JsonObject();
        foreach (string p in new[] { "id", "kind", "name", "dataset", "error", "model", "baseModel" }) props[p] = new JsonObject { ["type"] = "string" };
        props["state"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("queued", "running", "succeeded", "failed", "cancelled") };
        foreach (string p in new[] { "step", "steps" }) props[p] = new JsonObject { ["type"] = "integer" };
        foreach (string p in new[] { "fraction", "loss", "stepsPerSecond", "etaSeconds", "minutes" }) props[p] = new JsonObject { ["type"] = "number" };
        foreach (string p in new[] { "hyperparameters", "metrics", "losses" }) props[p] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "number" } };
        props["previews"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        props["resumedFromSteps"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } };
        props["sweep"] = new JsonObject { ["type"] = "object", ["description"] = "The sweep's plan: runs (each run's hyper-parameters), swept, rankBy, minimize, publishAll." };
        props["sweepRuns"] = Sweeps.SweepSchema.Runs();
        return new JsonObject { ["type"] = "object", ["properties"] = props };
    }

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["title"] = new JsonObject { ["type"] = "string" }, ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" }, ["errors"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        },
    };

    private static JsonObject Op(string summary, JsonObject? body = null, bool id = false, bool file = false, (string Code, string Text, JsonObject? Schema)[]? responses = null)
    {
        var op = new JsonObject { ["summary"] = summary };
        var parameters = new JsonArray();
        if (id) parameters.Add(PathParam("id"));
        if (file) parameters.Add(PathParam("file"));
        if (parameters.Count > 0) op["parameters"] = parameters;
        if (body is not null) op["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } } };
        var rs = new JsonObject();
        foreach ((string code, string text, JsonObject? schema) in responses ?? [])
        {
            var r = new JsonObject { ["description"] = text };
            if (schema is not null)
                r["content"] = new JsonObject { [code.StartsWith('2') ? "application/json" : "application/problem+json"] = new JsonObject { ["schema"] = schema } };
            rs[code] = r;
        }
        op["responses"] = rs;
        return op;
    }

    private static JsonObject PathParam(string name) => new() { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } };

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };
}
