using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Auth;

/// <summary>Register, log in (cookie for browsers, bearer token otherwise), log out, change password, who am I; admin role changes.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("auth");

        group.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Register).Describe("register",
            "Creates a member account (password: 10 characters or more).", Status400BadRequest, Status409Conflict);
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Login).Describe("login",
            "Checks the password: ?useCookies=true sets an HttpOnly session cookie, otherwise answers a bearer token.",
            Status401Unauthorized, Status423Locked);
        // A handler taking only the HttpContext would bind as a RequestDelegate and lose its result type.
        group.MapPost("/logout", (Delegate)Logout).AllowAnonymous().Describe("logout",
            "Ends the cookie session (bearer tokens simply stop being sent).");
        group.MapGet("/me", Me).Describe("me", null, Status401Unauthorized);
        // It checks the current password: limited like login, so a stolen session cannot guess it.
        group.MapPost("/password", ChangePassword).RequireRateLimiting(RateLimitPolicies.Login).Describe("change-password",
            "Changes the password and signs out every other session.", Status400BadRequest);

        app.MapPut("/api/admin/users/{email}/roles", SetRoles).RequireAuthorization(AuthSchemes.AdminPolicy).RequireKaolackWriteLimit()
            .WithTags("admin").Describe("set-user-roles", null, Status400BadRequest, Status403Forbidden, Status404NotFound);

        return group;
    }

    private static async Task<Created<Account>> Register(Registration registration, IGrainFactory grains)
    {
        var email = AccountRules.NormalizeEmail(registration.Email);
        if (email.Length == 0 || email.Length > 254)
        {
            throw new ValidationFailedException("email", "Adresse e-mail invalide.");
        }
        var account = await grains.GetGrain<IUserGrain>(email).Register(registration);
        return TypedResults.Created("/api/auth/me", account);
    }

    private static async Task<IResult> Login(LoginRequest login, [FromQuery] bool? useCookies, IGrainFactory grains, HttpContext http)
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
                var locked = Problems.Create(Status423Locked, "locked-out",
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
    }

    private static async Task<NoContent> Logout(HttpContext http)
    {
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Account>> Me(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(user.ToCaller().UserId).Get() ?? throw new UnauthenticatedException());

    private static async Task<NoContent> ChangePassword(PasswordChange change, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var grain = grains.GetGrain<IUserGrain>(user.ToCaller().UserId);
        await grain.ChangePassword(change.CurrentPassword, change.NewPassword);
        // Every other session ends with the old stamp; this browser keeps going with the new one.
        if (user.Identity?.AuthenticationType == AuthSchemes.Cookie && await grain.GetSession() is { } session)
        {
            await http.SignInAsync(AuthSchemes.Cookie, KaolackClaims.ForSession(session, AuthSchemes.Cookie));
        }
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Account>> SetRoles(string email, RolesChange change, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(AccountRules.NormalizeEmail(email)).SetRoles(user.ToCaller(), change.Roles));

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(Problems.Create(
        Status401Unauthorized, "invalid-credentials", "Adresse e-mail ou mot de passe incorrect."));
}
