using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Kaolack.Api.Mail;

/// <summary>
/// Links to pages of the web app put into e-mails and invitation answers, built from the configured public address
/// (<c>Kaolack:PublicBaseUrl</c>), never from the request's Host header, which whoever sends the request chooses. Without
/// that setting (a developer's machine), the address the server listens on is used, and a warning says so once.
/// </summary>
public sealed partial class PublicLinks
{
    public const string BaseUrlKey = "Kaolack:PublicBaseUrl";

    private readonly Uri? configured;
    private readonly IServer server;
    private readonly ILogger<PublicLinks> logger;
    private bool warned;

    public PublicLinks(IConfiguration configuration, IServer server, ILogger<PublicLinks> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.server = server;
        this.logger = logger;
        var value = configuration[BaseUrlKey];
        if (!string.IsNullOrWhiteSpace(value))
        {
            configured = Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                ? uri
                : throw new InvalidOperationException($"{BaseUrlKey} must be an absolute http(s) address without query or fragment, not '{value}'.");
        }
    }

    public string Invitation(string token) => Page($"invitation/{Uri.EscapeDataString(token)}");

    /// <param name="returnTo">A path of the app to open once verified (an invitation), already checked by <see cref="SafeReturnPath"/>.</param>
    public string Verification(string token, string? returnTo) =>
        Page($"verification/{Uri.EscapeDataString(token)}{(returnTo is null ? "" : $"?retour={Uri.EscapeDataString(returnTo)}")}");

    /// <param name="welcome">The account's first password (an account an admin opened), not a forgotten one.</param>
    public string PasswordReset(string token, bool welcome) =>
        Page($"mot-de-passe/{Uri.EscapeDataString(token)}{(welcome ? "?bienvenue=1" : "")}");

    public string SignIn(string email) => Page($"connexion?courriel={Uri.EscapeDataString(email)}");

    public string ForgotPassword(string email) => Page($"mot-de-passe-oublie?courriel={Uri.EscapeDataString(email)}");

    /// <summary>
    /// A path of the app to come back to after verifying an address ("/invitation/…"), or null: only simple relative
    /// paths, so an e-mailed link can never send anyone to another site.
    /// </summary>
    public static string? SafeReturnPath(string? path) =>
        path is { Length: > 1 and <= 300 } && path[0] == '/' && path[1] != '/'
            && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '~' or '%')
            ? path
            : null;

    private string Page(string hashPath) => $"{BaseUrl()}#/{hashPath}";

    private string BaseUrl()
    {
        if (configured is not null)
        {
            return configured.ToString();
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1";
        if (!warned)
        {
            warned = true;
            LogNotConfigured(BaseUrlKey, listening);
        }
        return listening.TrimEnd('/') + "/";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} is not set: links in e-mails and invitations use {Address}, where this server listens")]
    private partial void LogNotConfigured(string key, string address);
}
