using Microsoft.AspNetCore.Http;

namespace GenWorld.Service.Api;

/// <summary>Every error is RFC 9457 problem JSON with a message a person can act on (and the field-level list when there is one).</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string detail, IReadOnlyList<string>? errors = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title,
            extensions: errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null);

    public static IResult Invalid(IReadOnlyList<string> errors) =>
        Of(StatusCodes.Status400BadRequest, "Invalid job request", string.Join(" ", errors), errors);

    public static IResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "Not found", what);
}
