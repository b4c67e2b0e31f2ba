using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Http;

/// <summary>Builds RFC 7807 problem details with a stable machine-readable <c>code</c>.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypeFor(code),
            Title = title,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypeFor("validation-failed"),
            Title = "La saisie contient des erreurs.",
            Detail = detail,
        };
        problem.Extensions["code"] = "validation-failed";
        return problem;
    }

    /// <summary>503: try again after <paramref name="retryAfter"/> (sent as <c>Retry-After</c> too).</summary>
    public static ProblemDetails Unavailable(TimeSpan retryAfter)
    {
        var seconds = ServiceUnavailable.Seconds(retryAfter);
        var problem = Create(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service momentanément indisponible.", $"Réessayez dans {seconds} s.");
        problem.Extensions["retryAfter"] = seconds;
        return problem;
    }

    private static string TypeFor(string code) => $"/problems/{code}";
}
