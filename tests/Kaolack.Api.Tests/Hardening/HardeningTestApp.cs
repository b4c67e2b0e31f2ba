using System.Net.Sockets;
using System.Security.Claims;
using Kaolack.Api.Hardening;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Kaolack.Api.Tests.Hardening;

/// <summary>
/// A tiny Kestrel app wired the way the real one should be (security headers first, exception handler, status code
/// pages, authentication, rate limiter), so the hardening pieces are tested over real HTTP without Orleans.
/// </summary>
public sealed class HardeningTestApp : IAsyncDisposable
{
    /// <summary>Stands in for authentication: its value becomes the signed-in user's NameIdentifier.</summary>
    public const string UserHeader = "X-Test-User";

    private readonly WebApplication app;

    private HardeningTestApp(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<HardeningTestApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePorts.Take(1)[0];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // The /boom endpoint throws on purpose; its error log is noise in test output.
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddKaolackRateLimiting(builder.Configuration);

        var app = builder.Build();
        app.UseKaolackSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SignInFromHeader);
        app.UseRateLimiter();

        app.MapGet("/ping", () => "pong");
        app.MapGet("/client", (HttpContext context) => ClientPartition.ByUserOrAddress(context));
        app.MapGet("/boom", string () => throw new InvalidOperationException("Boom, on purpose."));
        app.MapPost("/login", () => Results.Ok()).RequireRateLimiting(RateLimitPolicies.Login);
        app.MapPost("/register", () => Results.Ok()).RequireRateLimiting(RateLimitPolicies.Register);
        var notes = app.MapGroup("/api/notes").RequireKaolackWriteLimit();
        notes.MapGet("/", () => Results.Ok());
        notes.MapPost("/", () => Results.Ok());
        notes.MapPut("/{id}", (string id) => Results.Ok(id));
        notes.MapDelete("/{id}", (string id) => Results.NoContent());
        app.MapScalarApiReference(options => options.WithNonce().DisableDefaultFonts());
        // The Orleans dashboard needs a silo; a page at its path is enough to check the headers it gets.
        app.MapGet("/dashboard/", () => Results.Content("<!doctype html><title>Tableau</title>", "text/html"));

        await app.StartAsync();
        return new HardeningTestApp(app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>
    /// A client whose connections leave from <paramref name="source"/> (any 127.x.y.z on Linux loopback), so the
    /// server sees a different RemoteIpAddress without any test hook in the partitioner.
    /// </summary>
    /// <summary>GETs <paramref name="path"/> from a fresh app with the default settings; the answer is read whole before the app stops.</summary>
    public static async Task<HttpResponseMessage> GetOnceAsync(string path)
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        var response = await http.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public HttpClient CreateClient(IPAddress? source = null)
    {
        var handler = new SocketsHttpHandler();
        if (source is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static Task SignInFromHeader(HttpContext context, RequestDelegate next)
    {
        var user = context.Request.Headers[UserHeader].ToString();
        if (user.Length > 0)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], authenticationType: "test"));
        }
        return next(context);
    }
}
