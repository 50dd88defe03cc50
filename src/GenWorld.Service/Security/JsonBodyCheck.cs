using GenWorld.Service.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace GenWorld.Service.Security;

/// <summary>
/// Every request with a body must say it is application/json. Browsers send cross-site requests without a preflight
/// only for "simple" content types (text/plain, forms) or none at all (a Blob body), so this refuses exactly what a
/// foreign page could send unasked.
/// </summary>
internal static class JsonBodyCheck
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        bool hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0;
        if (hasBody && !IsJson(context.Request.ContentType))
        {
            string sent = string.IsNullOrEmpty(context.Request.ContentType) ? "no Content-Type" : $"Content-Type '{context.Request.ContentType}'";
            await Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send request bodies as application/json (header 'Content-Type: application/json'), not {sent}.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
