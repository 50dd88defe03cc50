using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Studio;

/// <summary>
/// The page's files (wwwroot/, embedded in this assembly, so nothing on disk can be swapped under it): served to GET
/// and HEAD only, before the token check (a browser loading a page cannot send a header; the page then sends the token
/// from its URL fragment with every API call). Answers forbid framing and foreign scripts (CSP) and sniffing.
/// </summary>
internal static class StudioPage
{
    /// <summary>Where the page lives.</summary>
    public const string Root = "/studio/";

    private static readonly Dictionary<string, (string Resource, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["/studio/"] = ("studio/index.html", "text/html; charset=utf-8"),
        ["/studio/studio.js"] = ("studio/studio.js", "text/javascript; charset=utf-8"),
        ["/studio/studio.css"] = ("studio/studio.css", "text/css; charset=utf-8"),
        ["/studio/train.js"] = ("studio/train.js", "text/javascript; charset=utf-8"),
    };

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) { await next(context); return; }
        if (path is "/" or "/studio")
        {
            context.Response.Redirect(Root);
            return;
        }
        if (!Files.TryGetValue(path, out var file)) { await next(context); return; }
        using Stream stream = typeof(StudioPage).Assembly.GetManifestResourceStream(file.Resource)
            ?? throw new InvalidOperationException($"resource {file.Resource} missing from {typeof(StudioPage).Assembly.GetName().Name}");
        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentType = file.Type;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentLength = stream.Length;
        if (HttpMethods.IsGet(request.Method)) await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>Names of the embedded files (for tests).</summary>
    public static IEnumerable<string> Paths => Files.Keys;

    internal static Assembly Assembly => typeof(StudioPage).Assembly;
}
