using System.Text.Json.Nodes;

namespace GenWorld.Service.Sweeps;

/// <summary>The OpenAPI schema of a sweep request and of a finished sweep's table.</summary>
internal static class SweepSchema
{
    public static JsonObject Request()
    {
        JsonObject Numbers() => new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "number" } } };
        var range = new JsonObject
        {
            ["type"] = "object", ["additionalProperties"] = false,
            ["properties"] = new JsonObject { ["min"] = new JsonObject { ["type"] = "number" }, ["max"] = new JsonObject { ["type"] = "number" }, ["log"] = new JsonObject { ["type"] = "boolean" } },
        };
        return new JsonObject
        {
            ["type"] = "object", ["additionalProperties"] = false,
            ["description"] = $"A grid or random search over hyper-parameters: one Slurm array job (serve --executor slurm), at most {SweepPlanner.MaxRuns} runs; finished runs are ranked by rankBy and the best (or all) published.",
            ["properties"] = new JsonObject
            {
                ["grid"] = Numbers(),
                ["random"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = range },
                ["runs"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = SweepPlanner.MaxRuns, ["description"] = "Random search: how many runs." },
                ["seed"] = new JsonObject { ["type"] = "integer", ["default"] = 1 },
                ["rankBy"] = new JsonObject { ["type"] = "string", ["description"] = "Report metric to rank by (default: heldOutSpectralDistance for sound-vae, heldOutSpectralLoss for synth-vae)." },
                ["goal"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("min", "max"), ["default"] = "min" },
                ["publish"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("best", "all"), ["default"] = "best" },
            },
        };
    }

    public static JsonObject Runs() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["index"] = new JsonObject { ["type"] = "integer" }, ["hyperparameters"] = new JsonObject { ["type"] = "object" },
                ["state"] = new JsonObject { ["type"] = "string" }, ["steps"] = new JsonObject { ["type"] = "integer" },
                ["figure"] = new JsonObject { ["type"] = "number" }, ["rank"] = new JsonObject { ["type"] = "integer" },
                ["model"] = new JsonObject { ["type"] = "string" }, ["error"] = new JsonObject { ["type"] = "string" },
            },
        },
    };
}
