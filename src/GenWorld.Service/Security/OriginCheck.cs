using System.Net;
using GenWorld.Service.Api;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Service.Security;

/// <summary>
/// Keeps web pages from driving the service. A page on another site can make a browser send requests to 127.0.0.1
/// (a cross-site fetch) or to a name it controls that resolves to 127.0.0.1 (DNS rebinding). So the Host header must
/// name an address the service is bound to (any loopback name for a loopback bind; any host for a wildcard bind,
/// which requires a token), and a request with an Origin must come from the service's own origin. No CORS headers are
/// ever sent, so a browser never shows a foreign page an answer either.
/// </summary>
internal sealed class OriginCheck(Func<ICollection<string>> boundUrls)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        HttpRequest request = context.Request;
        if (!HostAllowed(request.Host, request.IsHttps, boundUrls()))
        {
            await Problems.Of(StatusCodes.Status403Forbidden, "Unknown host",
                $"Host '{Clip(request.Host.Value ?? "")}' is not an address this service listens on; use the address it was started with (e.g. {ServiceOptions.DefaultUrl}).").ExecuteAsync(context);
            return;
        }
        string origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            await Problems.Of(StatusCodes.Status403Forbidden, "Cross-origin request refused",
                $"Requests from web pages of other origins ('{Clip(origin)}') are refused; call the service from a program, not from a page.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>True when <paramref name="host"/> names one of <paramref name="bound"/> (its port included).</summary>
    public static bool HostAllowed(HostString host, bool https, IEnumerable<string> bound)
    {
        if (!host.HasValue) return false;
        int port = host.Port ?? (https ? 443 : 80);
        string name = host.Host.Trim('[', ']');
        foreach (string url in bound)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri)
                || uri.Port != port) continue;
            string boundHost = uri.Host.Trim('[', ']');
            if (IPAddress.TryParse(boundHost, out IPAddress? ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))) return true;
            if (uri.IsLoopback && IsLoopbackName(name)) return true;
            if (string.Equals(name, boundHost, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsLoopbackName(string name) =>
        string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out IPAddress? ip) && IPAddress.IsLoopback(ip));

    private static string Clip(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
