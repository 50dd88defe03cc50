using System.Security.Cryptography;
using System.Text;
using GenWorld.Service.Api;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Service.Security;

/// <summary>When the service has a token, every request must send "Authorization: Bearer &lt;token&gt;" (compared in constant time).</summary>
internal sealed class TokenCheck(string token)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        string header = context.Request.Headers.Authorization.ToString();
        // RFC 9110: the scheme name is case-insensitive ("bearer", "BEARER").
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Of(StatusCodes.Status401Unauthorized, "Token required",
                "This service requires a token: send the header 'Authorization: Bearer <token>' (the --token or GENWORLD_TOKEN it was started with).").ExecuteAsync(context);
            return;
        }
        byte[] given = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        if (!CryptographicOperations.FixedTimeEquals(given, _expected))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Problems.Of(StatusCodes.Status401Unauthorized, "Wrong token", "The bearer token does not match this service's token.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
