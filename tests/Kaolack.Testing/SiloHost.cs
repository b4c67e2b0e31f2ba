using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kaolack.Contracts.Mail;
using Kaolack.Contracts.Wire;
using Kaolack.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaolack.Testing;

/// <summary>
/// The real application (silo + HTTP + SignalR), built by the same code as Program.cs, listening on free
/// loopback ports. Several hosts with the same cluster and service ids form one Orleans cluster.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private SiloHost(WebApplication app, Uri baseAddress, SiloHostOptions options)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Options = options;
    }

    public SiloHostOptions Options { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>JSON options matching the server's (camelCase, enum names).</summary>
    public static JsonSerializerOptions Json => WireJson.Options;

    public static async Task<SiloHost> StartAsync(SiloHostOptions options)
    {
        var ports = FreePorts.Take(3);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{KaolackApp.StorageConnectionName}"] = options.StorageConnectionString,
            ["Cluster:ClusterId"] = options.ClusterId,
            ["Cluster:ServiceId"] = options.ServiceId,
            ["Cluster:SiloPort"] = $"{ports[0]}",
            ["Cluster:GatewayPort"] = $"{ports[1]}",
            ["Cluster:Clustering"] = "AzureTable",
            ["Kaolack:SeedDemoData"] = options.SeedDemoData ? "true" : "false",
            ["Kaolack:Admin:Email"] = options.AdminEmail,
            ["Kaolack:Admin:Password"] = options.AdminPassword,
            // Tests talk plain HTTP on loopback; cookies must still come back.
            ["Kaolack:Auth:SecureCookies"] = "false",
            ["Kaolack:PublicBaseUrl"] = $"http://127.0.0.1:{ports[2]}",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }
        // The web root is host configuration: it can only be given at creation, as the command line does.
        string[] args = options.WebRoot is null ? [] : [$"--webroot={options.WebRoot}"];
        var app = KaolackApp.Build(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls($"http://127.0.0.1:{ports[2]}");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            options.ConfigureBuilder?.Invoke(builder);
        });
        await app.StartAsync();
        return new SiloHost(app, new Uri($"http://127.0.0.1:{ports[2]}"), options);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A bearer token for the account; waits (bounded) for the configured admin to exist after start.</summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        using var http = CreateClient();
        string? token = null;
        await Eventually.True(async () =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return false;
            }
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            return true;
        }, $"{email} to sign in");
        return token!;
    }

    public Task<string> SignInAsAdminAsync() => SignInAsync(Options.AdminEmail, Options.AdminPassword);

    /// <summary>An HTTP client that sends the bearer token of the account.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string email, string password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(email, password));
        return client;
    }

    public Task<HttpClient> CreateAdminClientAsync() => CreateClientAsAsync(Options.AdminEmail, Options.AdminPassword);

    /// <summary>Registers a member account and returns a client signed in as it.</summary>
    public async Task<HttpClient> CreateMemberClientAsync(string email, string password = "member-password-1")
    {
        await RegisterAsync(email, password);
        return await CreateClientAsAsync(email, password);
    }

    /// <summary>
    /// Registers a member account of the Kaolack region and verifies its address with the link e-mailed to the outbox, as
    /// its owner would (an account that exists already is fine: it is told so by e-mail, and nothing changes).
    /// </summary>
    public async Task RegisterAsync(string email, string password)
    {
        using var http = CreateClient();
        var before = await Outbox.LastNumber(this);
        using var response = await http.PostAsJsonAsync("/api/auth/register", new
        {
            email, password, displayName = email.Split('@')[0], organisation = "", region = "kaolack", language = "fr",
        });
        response.EnsureSuccessStatusCode();
        var mail = await Outbox.WaitForNew(this, email, before);
        if (mail.Kind == MailKind.Verification)
        {
            await VerifyAsync(http, Outbox.TokenOf(mail.Link), password);
        }
    }

    /// <summary>POST /api/auth/verify with the token of a verification link: the account can sign in from then on.</summary>
    public static async Task VerifyAsync(HttpClient http, string token, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var verified = await http.PostAsJsonAsync("/api/auth/verify", new { token, password });
        verified.EnsureSuccessStatusCode();
    }

    /// <summary>A SignalR connection to this host's live hub (not started), authenticated with the token when given.</summary>
    public HubConnection CreateHubConnection(string? accessToken = null, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/live"), options =>
            {
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(options => WireJson.Configure(options.PayloadSerializerOptions));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A graceful stop: the silo leaves the cluster and its grains deactivate (state is already persisted).</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
