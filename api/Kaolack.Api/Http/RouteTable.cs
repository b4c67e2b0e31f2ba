namespace Kaolack.Api.Http;

/// <summary>
/// What each row of an endpoint group's route table says besides verb, path and handler: the operation's name in
/// OpenAPI, its summary, and the problems it may answer (400 is always a validation problem, with field errors).
/// </summary>
public static class RouteTable
{
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string name, string? summary, params int[] problems)
    {
        ArgumentNullException.ThrowIfNull(route);
        route.WithName(name);
        if (summary is not null)
        {
            route.WithSummary(summary);
        }
        foreach (var status in problems)
        {
            if (status == StatusCodes.Status400BadRequest)
            {
                route.ProducesValidationProblem();
            }
            else
            {
                route.ProducesProblem(status);
            }
        }
        return route;
    }
}
