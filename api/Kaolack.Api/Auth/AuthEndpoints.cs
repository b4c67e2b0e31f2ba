using System.Security.Claims;
using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaolack.Api.Auth;

/// <summary>Register, log in (cookie for browsers, bearer token otherwise), log out, change password, who am I; admin role changes.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("auth");

        group.MapPost("/register", async Task<Created<Account>> (Registration registration, IGrainFactory grains) =>
            {
                var email = AccountRules.NormalizeEmail(registration.Email);
                if (email.Length == 0 || email.Length > 254)
                {
                    throw new ValidationFailedException("email", "Adresse e-mail invalide.");
                }
                var account = await grains.GetGrain<IUserGrain>(email).Register(registration);
                return TypedResults.Created("/api/auth/me", account);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Register)
            .WithName("register")
            .WithSummary("Creates a member account (password: 10 characters or more).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/login", async Task<IResult> (LoginRequest login, [FromQuery] bool? useCookies, IGrainFactory grains, HttpContext http) =>
            {
                var email = AccountRules.NormalizeEmail(login.Email);
                if (email.Length == 0 || email.Length > 254 || string.IsNullOrEmpty(login.Password))
                {
                    return InvalidCredentials();
                }
                var outcome = await grains.GetGrain<IUserGrain>(email).CheckPassword(login.Password);
                switch (outcome.Status)
                {
                    case LoginStatus.LockedOut:
                        var locked = Problems.Create(StatusCodes.Status423Locked, "locked-out",
                            "Compte verrouillé après trop d'essais : réessayez plus tard.");
                        locked.Extensions["lockedUntil"] = outcome.LockedUntil;
                        return TypedResults.Problem(locked);
                    case LoginStatus.Succeeded when outcome.Session is { } session:
                        if (useCookies == true)
                        {
                            await http.SignInAsync(AuthSchemes.Cookie, KaolackClaims.ForSession(session, AuthSchemes.Cookie));
                            return TypedResults.Ok(await grains.GetGrain<IUserGrain>(email).Get());
                        }
                        return TypedResults.SignIn(KaolackClaims.ForSession(session, AuthSchemes.Bearer), authenticationScheme: AuthSchemes.Bearer);
                    default:
                        return InvalidCredentials();
                }
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithName("login")
            .WithSummary("Checks the password: ?useCookies=true sets an HttpOnly session cookie, otherwise answers a bearer token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);

        group.MapPost("/logout", async Task<NoContent> (HttpContext http) =>
            {
                await http.SignOutAsync(AuthSchemes.Cookie);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("logout")
            .WithSummary("Ends the cookie session (bearer tokens simply stop being sent).");

        group.MapGet("/me", async Task<Ok<Account>> (ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(await grains.GetGrain<IUserGrain>(user.ToCaller().UserId).Get() ?? throw new UnauthenticatedException()))
            .WithName("me")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/password", async Task<NoContent> (PasswordChange change, ClaimsPrincipal user, IGrainFactory grains, HttpContext http) =>
            {
                var grain = grains.GetGrain<IUserGrain>(user.ToCaller().UserId);
                await grain.ChangePassword(change.CurrentPassword, change.NewPassword);
                // Every other session ends with the old stamp; this browser keeps going with the new one.
                if (user.Identity?.AuthenticationType == AuthSchemes.Cookie && await grain.GetSession() is { } session)
                {
                    await http.SignInAsync(AuthSchemes.Cookie, KaolackClaims.ForSession(session, AuthSchemes.Cookie));
                }
                return TypedResults.NoContent();
            })
            // It checks the current password: limited like login, so a stolen session cannot guess it.
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithName("change-password")
            .WithSummary("Changes the password and signs out every other session.")
            .ProducesValidationProblem();

        app.MapPut("/api/admin/users/{email}/roles", async Task<Ok<Account>> (string email, RolesChange change, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(await grains.GetGrain<IUserGrain>(AccountRules.NormalizeEmail(email)).SetRoles(user.ToCaller(), change.Roles)))
            .RequireAuthorization(AuthSchemes.AdminPolicy)
            .RequireKaolackWriteLimit()
            .WithTags("admin")
            .WithName("set-user-roles")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(Problems.Create(
        StatusCodes.Status401Unauthorized, "invalid-credentials", "Adresse e-mail ou mot de passe incorrect."));
}
