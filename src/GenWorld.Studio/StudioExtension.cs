using GenWorld.Service;
using GenWorld.Studio.Api;
using GenWorld.Studio.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GenWorld.Studio;

/// <summary>
/// GenWorld Studio mounted on the training service's host: the page at /studio/, its generation API under
/// /studio/api/, and the service's own /jobs and /models beside them for the training dashboard.
/// </summary>
public sealed class StudioExtension : IServiceExtension
{
    /// <summary>Default address of <c>genworld studio</c>: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <inheritdoc/>
    public void AddServices(IServiceCollection services, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => new StudioModels(options.ModelsRoot)); // created by the container, so disposed with the host
    }

    /// <inheritdoc/>
    public void UsePublicFiles(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(StudioPage.InvokeAsync);
    }

    /// <inheritdoc/>
    public void MapEndpoints(WebApplication app)
    {
        ModelEndpoints.Map(app);
        SoundEndpoints.Map(app);
        TextureEndpoints.Map(app);
        ExportEndpoints.Map(app);
    }

    /// <summary>The service host with the studio mounted (options validated as for <c>genworld serve</c>).</summary>
    public static WebApplication Build(ServiceOptions options) => ServiceHost.Build(options, new StudioExtension());
}
