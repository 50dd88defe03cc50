using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.Service.Api;
using GenWorld.Service.Security;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Studio.Api;

/// <summary>
/// Runs a studio handler and turns what it refuses into one problem-JSON line the page shows: the request's fault
/// (bad code, unknown model, wrong latent) is 4xx, a model that cannot be loaded is 422; server paths are redacted.
/// </summary>
internal static class StudioResults
{
    public static async Task<IResult> Run(PublicPaths paths, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (StudioRequestException e)
        {
            return Problems.Of(e.Status, "Studio request refused", paths.Redact(e.Message));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Studio request refused", paths.Redact(e.Message.Split(" (Parameter '")[0]));
        }
        catch (Exception e) when (e is InvalidModelFolderException or InvalidModelException or NotSupportedException or InvalidDataException or IOException)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Model not usable", paths.Redact(e.Message));
        }
    }
}
