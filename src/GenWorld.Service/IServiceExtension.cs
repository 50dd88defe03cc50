using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GenWorld.Service;

/// <summary>
/// Something mounted on the service's host (GenWorld Studio's page and generation API), so it shares the host's
/// binding, Host/Origin check, token and JSON-body rules instead of repeating them.
/// </summary>
public interface IServiceExtension
{
    /// <summary>Registers the extension's singletons.</summary>
    void AddServices(IServiceCollection services, ServiceOptions options);

    /// <summary>
    /// Serves files anyone who reaches the host may load (GET only, nothing secret, no state): runs after the
    /// Host/Origin check and before the token check.
    /// </summary>
    void UsePublicFiles(WebApplication app);

    /// <summary>Maps the extension's API; every request to it has passed all checks.</summary>
    void MapEndpoints(WebApplication app);
}
