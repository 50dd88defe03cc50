using GenWorld.Service.Security;
using GenWorld.Studio.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Studio.Api;

/// <summary>
/// Read-only GETs: the model picker's list, a model's map (anchors placed by the field's projection) and one anchor's
/// latent and conditioning for a click on the map.
/// </summary>
internal static class ModelEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/studio/api/models", (StudioModels models) => Results.Ok(models.List()));

        app.MapGet("/studio/api/map", (string? model, StudioModels models, PublicPaths paths) =>
            StudioResults.Run(paths, () => Task.FromResult(Results.Ok(models.Map(model).ToJson()))));

        app.MapGet("/studio/api/anchor", (string? model, int index, StudioModels models, PublicPaths paths) =>
            StudioResults.Run(paths, () =>
            {
                StudioMap map = models.Map(model);
                if (index < 0 || index >= map.Anchors.Count) throw new StudioRequestException(404, $"index: {index}; model '{model}' has anchors 0 to {map.Anchors.Count - 1}.");
                var a = map.Anchors.Anchors[index];
                return Task.FromResult(Results.Ok(new { index, name = a.Id, label = map.Anchors.LabelName(a.Label), pitch = a.Pitch, latent = map.Anchors.Latent(index).ToArray() }));
            }));
    }
}
