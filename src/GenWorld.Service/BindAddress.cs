using System.Net;

namespace GenWorld.Service;

/// <summary>Decides whether a listen URL is loopback-only (anything else needs a token).</summary>
internal static class BindAddress
{
    public static bool TryParse(string url, out bool loopback, out string? problem)
    {
        loopback = false;
        problem = null;
        // Kestrel's wildcards are not valid URI hosts: any of them means every interface.
        if (url.Contains("://*", StringComparison.Ordinal) || url.Contains("://+", StringComparison.Ordinal)) return true;
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = $"'{url}' is not an http(s) URL like {ServiceOptions.DefaultUrl}.";
            return false;
        }
        loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip));
        return true;
    }
}
