using System.Text.Json;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Kaolack.Api.Http;

/// <summary>Turns refusals (domain exceptions, unreadable bodies) into problem details; anything else stays a 500.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }
        logger.LogDebug("Refused {Method} {Path}: {Code}", httpContext.Request.Method, httpContext.Request.Path, problem.Extensions["code"]);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationFailedException e => Problems.Validation(e.Errors),
        EntityNotFoundException e => Problems.Create(StatusCodes.Status404NotFound, e.Code, e.Message),
        EntityExistsException e => Problems.Create(StatusCodes.Status409Conflict, e.Code, e.Message),
        VersionConflictException e => WithCurrentVersion(
            Problems.Create(StatusCodes.Status412PreconditionFailed, e.Code, "Quelqu'un a modifié cette fiche entre-temps.", e.Message), e),
        AccessDeniedException e => Problems.Create(StatusCodes.Status403Forbidden, e.Code, e.Message),
        InvitationGoneException e => Problems.Create(StatusCodes.Status410Gone, e.Code, e.Message),
        LinkInvalidException e => Problems.Create(StatusCodes.Status410Gone, e.Code, e.Message),
        UnauthenticatedException => Problems.Create(StatusCodes.Status401Unauthorized, "unauthenticated", "Connectez-vous pour continuer."),
        RuleViolationException e => WithRule(Problems.Create(StatusCodes.Status422UnprocessableEntity, e.Code, e.Message), e),
        IfMatchRequiredException => Problems.Create(StatusCodes.Status428PreconditionRequired, "if-match-required",
            "En-tête If-Match requis.",
            "Envoyez l'ETag de la version lue (If-Match) pour ne pas écraser la modification de quelqu'un d'autre."),
        BadHttpRequestException e => Unreadable(e),
        _ => null,
    };

    private static ProblemDetails WithCurrentVersion(ProblemDetails problem, VersionConflictException e)
    {
        problem.Extensions["currentVersion"] = e.CurrentVersion;
        return problem;
    }

    private static ProblemDetails WithRule(ProblemDetails problem, RuleViolationException e)
    {
        problem.Extensions["rule"] = e.Rule;
        return problem;
    }

    private static ProblemDetails Unreadable(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            var field = JsonPathToField(json.Path);
            return Problems.Validation(new Dictionary<string, string[]>
            {
                [field] = [Describe(json)],
            }, "Le corps de la requête n'est pas un JSON valide pour cette opération.");
        }
        return e.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.Create(e.StatusCode, "payload-too-large", "Requête trop volumineuse.", e.Message)
            : Problems.Create(e.StatusCode, "bad-request", "Requête invalide.", e.Message);
    }

    private static string Describe(JsonException json)
    {
        if (json.Path is null)
        {
            return "Corps JSON illisible.";
        }
        // System.Text.Json reports unmapped members (UnmappedMemberHandling.Disallow) with this wording.
        return json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "Champ inconnu."
            : "Valeur illisible ou de mauvais type.";
    }

    /// <summary>"$.contact.email" becomes "contact.email", "$" becomes "body".</summary>
    private static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
