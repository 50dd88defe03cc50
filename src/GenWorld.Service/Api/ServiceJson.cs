using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenWorld.Service.Api;

/// <summary>One JSON style for the API: camelCase, enums as camelCase strings, unknown request fields refused.</summary>
public static class ServiceJson
{
    /// <summary>Options for requests, responses and event payloads.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API style to <paramref name="options"/> (also used for the minimal-API serializer).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.MaxDepth = 16;
        return options;
    }
}
