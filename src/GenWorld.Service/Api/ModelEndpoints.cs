using GenWorld.Service.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenWorld.Service.Api;

/// <summary>GET /models: every model under the models root with its published versions (server paths left out).</summary>
internal static class ModelEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/models", (ModelPublisher models) => Results.Ok(models.List().Select(m => new
        {
            m.Name,
            m.Latest,
            Versions = m.Versions.Select(v => new { v.Version, v.Kind, v.Metrics, JobId = v.Source?.JobId, Step = v.Source?.Step, PublishedUtc = v.Source?.PublishedUtc }),
        })));
}
