using GenWorld.Service.Api;
using GenWorld.Service.Jobs;
using GenWorld.Service.Publishing;
using GenWorld.Service.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenWorld.Service;

/// <summary>Builds the service: Kestrel on the configured URLs, the job store, worker and publisher, and the endpoints.</summary>
public static class ServiceHost
{
    /// <summary>Validates <paramref name="options"/> (refusing unsafe binds), then builds the app; start it with RunAsync/StartAsync.</summary>
    /// <exception cref="ServiceConfigurationException">The options are unsafe or unusable.</exception>
    public static WebApplication Build(ServiceOptions options, LogLevel logLevel = LogLevel.Warning) => Build(options, null, logLevel);

    /// <summary>
    /// As above, with <paramref name="extension"/> (GenWorld Studio) adding its services, public files (served after the
    /// Host/Origin check but before the token, since a browser cannot send a header when it loads a page) and endpoints
    /// (after every check).
    /// </summary>
    public static WebApplication Build(ServiceOptions options, IServiceExtension? extension, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0) throw new ServiceConfigurationException(problems);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => ServiceJson.Configure(o.SerializerOptions));
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));

        var store = new JobStore(options.StateRoot);
        var events = new JobEvents();
        var publisher = new ModelPublisher(options.ModelsRoot);
        var data = new DataRoot(options.DataRoot);
        var paths = new PublicPaths(data.Path, publisher.Root, options.StateRoot);
        store.StateChanged += job => events.Publish(job.Id, new JobEvent("state", JobEndpoints.View(store, paths, job)));
        builder.Services.AddSingleton(options).AddSingleton(store).AddSingleton(events).AddSingleton(publisher).AddSingleton(data).AddSingleton(paths);
        builder.Services.AddSingleton<JobRequestValidator>().AddSingleton<JobOutcomes>().AddSingleton<JobWorker>();
        if (options.Executor == Executors.ExecutorKind.Slurm) builder.Services.AddSingleton<Executors.IJobExecutor, Executors.SlurmExecutor>();
        else builder.Services.AddSingleton<Executors.IJobExecutor, JobRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        extension?.AddServices(builder.Services, options);

        WebApplication app = builder.Build();
        foreach (BrokenJob broken in store.Broken)
            app.Logger.LogError("Job {Id} is broken and will not run: {Problem}", broken.Id, broken.Problem);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Host/Origin first: a foreign page learns nothing, not even whether a token is needed.
        var origin = new OriginCheck(() => app.Urls);
        app.Use((context, next) => origin.InvokeAsync(context, next));
        extension?.UsePublicFiles(app);
        if (!string.IsNullOrEmpty(options.Token))
        {
            var check = new TokenCheck(options.Token);
            app.Use((context, next) => check.InvokeAsync(context, next));
        }
        app.Use(JsonBodyCheck.InvokeAsync);
        JobEndpoints.Map(app);
        ModelEndpoints.Map(app);
        OpenApiDocument.Map(app);
        extension?.MapEndpoints(app);
        return app;
    }
}
