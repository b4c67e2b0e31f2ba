using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Api.Mail;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Auth;

/// <summary>
/// Register (the address is verified by an e-mailed link before the account can sign in), log in (cookie for browsers,
/// bearer token otherwise), log out (that session ends on the server), sign out everywhere, my account, passwords.
/// </summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("auth");

        group.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Register).Describe("register",
            "Asks for a member account (password: 10 characters or more). The answer is the same whether the address has an account " +
            "or not; the next step is e-mailed: a link to verify the address, or to the owner of an existing account a note that it exists. " +
            "?returnTo= is a path of the app the verification link leads back to.",
            Status400BadRequest);
        // The end of a registration: limited with registrations, so verifying never spends the sign-in allowance.
        group.MapPost("/verify", Verify).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Register).Describe("verify-address",
            "Verifies the address with the e-mailed link's token and the password chosen at registration, then signs in like /login.",
            Status400BadRequest, Status410Gone);
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Login).Describe("login",
            "Checks the password: ?useCookies=true sets an HttpOnly session cookie, otherwise answers a bearer token. Wrong passwords " +
            "lock the client address (not the account) out for a while (423); many from everywhere slow every try down (429).",
            Status401Unauthorized, Status403Forbidden, Status423Locked, Status429TooManyRequests);
        group.MapPost("/logout", Logout).AllowAnonymous().Describe("logout",
            "Ends this session on the server (a copy of its cookie or token stops working) and clears the cookie.");
        group.MapPost("/logout-everywhere", LogoutEverywhere).Describe("logout-everywhere",
            "Ends every session of the account, this one included.", Status401Unauthorized);
        group.MapGet("/me", Me).Describe("me", null, Status401Unauthorized);
        group.MapPut("/me", UpdateMe).Describe("update-me",
            "Changes the account's name, organisation, region and language (the interface's language on every device, and its e-mails').",
            Status400BadRequest, Status401Unauthorized);
        // It checks the current password: limited like login, so a stolen session cannot guess it.
        group.MapPost("/password", ChangePassword).RequireRateLimiting(RateLimitPolicies.Login).Describe("change-password",
            "Changes the password and signs out every other session.", Status400BadRequest);
        group.MapPost("/password-reset", RequestPasswordReset).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Register)
            .Describe("request-password-reset",
                "E-mails a single-use link to choose a new password. The answer is the same whether the address has an account or not.",
                Status400BadRequest);
        group.MapPost("/password-reset/confirm", ResetPassword).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Login)
            .Describe("reset-password",
                "Sets a new password with the e-mailed link's token: the address counts as verified, every session ends.",
                Status400BadRequest, Status410Gone);

        return group;
    }

    private static async Task<Accepted<RegistrationAccepted>> Register(Registration registration, [FromQuery] string? returnTo,
        IGrainFactory grains, MailComposer composer, IMailSender mail)
    {
        var email = AccountRules.NormalizeEmail(registration.Email);
        if (email.Length == 0 || email.Length > 254)
        {
            throw new ValidationFailedException("email", "Adresse e-mail invalide.");
        }
        var outcome = await grains.GetGrain<IUserGrain>(email).Register(registration);
        await mail.Send(outcome.Verification is { } link
            ? composer.Verification(email, link, PublicLinks.SafeReturnPath(returnTo))
            : composer.AlreadyRegistered(email, outcome.Language, outcome.DisplayName));
        return TypedResults.Accepted((string?)null, new RegistrationAccepted(email));
    }

    private static async Task<IResult> Verify(VerificationRequest request, [FromQuery] bool? useCookies, IGrainFactory grains, HttpContext http)
    {
        var email = AccountLinks.AddressOf(request.Token) ?? throw new LinkInvalidException();
        var session = await grains.GetGrain<IUserGrain>(email).Verify(request.Token, request.Password);
        return await SignIn(session, useCookies == true, grains, http);
    }

    private static async Task<IResult> Login(LoginRequest login, [FromQuery] bool? useCookies, IGrainFactory grains, HttpContext http)
    {
        var email = AccountRules.NormalizeEmail(login.Email);
        if (email.Length == 0 || email.Length > 254 || string.IsNullOrEmpty(login.Password))
        {
            return InvalidCredentials();
        }
        var outcome = await grains.GetGrain<IUserGrain>(email).CheckPassword(login.Password, ClientPartition.ByAddress(http));
        switch (outcome.Status)
        {
            case LoginStatus.LockedOut:
                var locked = Problems.Create(Status423Locked, "locked-out",
                    "Trop d'essais depuis cette connexion : réessayez plus tard.");
                locked.Extensions["lockedUntil"] = outcome.LockedUntil;
                return TypedResults.Problem(locked);
            case LoginStatus.Delayed:
                var delayed = Problems.Create(Status429TooManyRequests, "rate-limited",
                    "Trop d'essais sur ce compte : patientez quelques secondes.");
                delayed.Extensions["lockedUntil"] = outcome.LockedUntil;
                var wait = Math.Max(1, (int)Math.Ceiling(((outcome.LockedUntil ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow).TotalSeconds));
                http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(delayed);
            case LoginStatus.Suspended:
                return TypedResults.Problem(Problems.Create(Status403Forbidden, "account-suspended",
                    "Ce compte est suspendu : contactez un administrateur."));
            case LoginStatus.Succeeded when outcome.Session is { } session:
                return await SignIn(session, useCookies == true, grains, http);
            default:
                return InvalidCredentials();
        }
    }

    private static async Task<NoContent> Logout(HttpContext http, IGrainFactory grains, IOptions<AuthOptions> options)
    {
        // The session is ended on the account first: a copy of this cookie or token, replayed later, no longer works.
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && !user.IsGuest()
            && user.FindFirstValue(KaolackClaims.SessionId) is { } sessionId && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await grains.GetGrain<IUserGrain>(userId).EndSession(sessionId, DateTimeOffset.UtcNow + options.Value.LongestSession);
        }
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutEverywhere(ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var caller = user.ToCaller();
        await grains.GetGrain<IUserGrain>(caller.UserId).EndAllSessions(caller);
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Account>> Me(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(user.ToCaller().UserId).Get() ?? throw new UnauthenticatedException());

    private static async Task<Ok<Account>> UpdateMe(AccountProfile profile, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        return TypedResults.Ok(await grains.GetGrain<IUserGrain>(caller.UserId).UpdateProfile(caller, profile));
    }

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

    private static async Task<Accepted> RequestPasswordReset(PasswordResetRequest request, IGrainFactory grains, MailComposer composer, IMailSender mail)
    {
        var email = AccountRules.NormalizeEmail(request.Email);
        var v = new Validation();
        AccountRules.ValidateEmail(v, "email", email);
        v.ThrowIfInvalid();
        if (await grains.GetGrain<IUserGrain>(email).RequestPasswordReset() is { } link)
        {
            await mail.Send(composer.PasswordReset(email, link));
        }
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ResetPassword(PasswordResetConfirmation confirmation, IGrainFactory grains)
    {
        var email = AccountLinks.AddressOf(confirmation.Token) ?? throw new LinkInvalidException();
        await grains.GetGrain<IUserGrain>(email).ResetPassword(confirmation.Token, confirmation.NewPassword);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SignIn(Session session, bool useCookies, IGrainFactory grains, HttpContext http)
    {
        if (useCookies)
        {
            await http.SignInAsync(AuthSchemes.Cookie, KaolackClaims.ForSession(session, AuthSchemes.Cookie));
            return TypedResults.Ok(await grains.GetGrain<IUserGrain>(session.UserId).Get());
        }
        return TypedResults.SignIn(KaolackClaims.ForSession(session, AuthSchemes.Bearer), authenticationScheme: AuthSchemes.Bearer);
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(Problems.Create(
        Status401Unauthorized, "invalid-credentials", "Adresse e-mail ou mot de passe incorrect (ou adresse pas encore confirmée)."));
}
