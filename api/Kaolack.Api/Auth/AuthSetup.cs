using Kaolack.Api.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kaolack.Api.Auth;

/// <summary>Cookie authentication for browsers and bearer tokens for API and .NET clients, both ASP.NET Core built-ins.</summary>
public static class AuthSetup
{
    public static IServiceCollection AddKaolackAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var secure = options.SecureCookies ?? !environment.IsDevelopment();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Cookie or bearer", scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (context.Request.Path.StartsWithSegments(LiveHub.Path) && context.Request.Query.ContainsKey("access_token"))
                    ? AuthSchemes.Bearer
                    : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = "kaolack.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(AuthSchemes.Bearer, bearer =>
            {
                bearer.BearerTokenExpiration = options.BearerTokenLifetime;
                // Browsers cannot set headers on WebSockets, so the SignalR client sends the token in the query string.
                bearer.Events.OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments(LiveHub.Path) && context.Request.Query.TryGetValue("access_token", out var token))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                };
            });
        services.AddTransient<IClaimsTransformation, SessionClaimsTransformation>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, EndedSessionResultHandler>();
        services.AddAuthorizationBuilder()
            // Workshop guests are signed in, but everything not opened to them explicitly (ParticipantPolicy) refuses them.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(context => !context.User.IsGuest()).Build())
            .AddPolicy(AuthSchemes.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("admin"))
            .AddPolicy(AuthSchemes.ParticipantPolicy, policy => policy.RequireAuthenticatedUser());
        return services;
    }

    private static Task Status(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
