using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kaolack.Api.Admin;
using Kaolack.Api.Auth;
using Kaolack.Api.Dashboard;
using Kaolack.Api.Directory;
using Kaolack.Api.Entities;
using Kaolack.Api.Exchanges;
using Kaolack.Api.Hardening;
using Kaolack.Api.Health;
using Kaolack.Api.Http;
using Kaolack.Api.Live;
using Kaolack.Api.Mail;
using Kaolack.Api.Projects;
using Kaolack.Api.Workshops;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Wire;
using Kaolack.Grains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Kaolack.Api.Hosting;

/// <summary>The HTTP and SignalR surface: registration and mapping, used by the silo and by tests.</summary>
public static class KaolackApi
{
    /// <summary>Largest accepted request body and SignalR message.</summary>
    public const long MaxMessageBytes = 256 * 1024;

    /// <param name="serviceId">Names the container of the keys that sign sessions, shared by the cluster's silos.</param>
    public static IServiceCollection AddKaolackApi(
        this IServiceCollection services, string storageConnectionString, string serviceId, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddKaolackAuth(configuration, environment);
        var keys = new BlobServiceClient(storageConnectionString).GetBlobContainerClient(GrainSetup.KeysContainer(serviceId));
        services.AddDataProtection()
            .SetApplicationName("kaolack-orleans")
            .AddKeyManagementOptions(options => options.XmlRepository = new BlobKeyRepository(keys));
        services.Configure<ConfiguredAdmin>(configuration.GetSection(ConfiguredAdmin.Section));
        services.AddHostedService<ConfiguredAdminSeeder>();
        services.AddKaolackForwardedHeaders(configuration);
        services.AddKaolackRateLimiting(configuration);
        services.AddKaolackMail(configuration);
        services.AddKaolackResponseCompression();
        services.Configure<JsonOptions>(options => WireJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Refusals by the authentication and authorization middleware carry the same codes as the grains'.
            var (code, title) = context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => (ErrorCodes.Unauthenticated, "Connectez-vous pour continuer."),
                StatusCodes.Status403Forbidden => (ErrorCodes.Forbidden, "Vous n'avez pas le droit de faire cela."),
                StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "Adresse introuvable."),
                _ => ((string?)null, (string?)null),
            };
            if (code is not null && context.ProblemDetails.Extensions.TryAdd("code", code))
            {
                context.ProblemDetails.Title = title;
            }
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi(options =>
        {
            // Only the product's API: the Orleans dashboard maps endpoints of its own.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Kaolack.Orleans API";
                document.Info.Description = "Coopératives, groupes de la diaspora et projets communs Kaolack ⇄ Oriental.";
                return Task.CompletedTask;
            });
        });

        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaxMessageBytes;
                // In this order: refusals typed and logged (outermost), the caller as they are now, then the budgets.
                options.AddFilter<DomainExceptionHubFilter>();
                options.AddFilter<LiveSessionFilter>();
                options.AddFilter<HubThrottleFilter>();
            })
            .AddJsonProtocol(options => WireJson.Configure(options.PayloadSerializerOptions));
        // Refusals are logged once, as one line, by DomainExceptionHubFilter (which also logs real failures).
        services.AddLogging(logging => logging.AddFilter(DomainExceptionHubFilter.DispatcherCategory, LogLevel.Critical));
        services.AddOptions<LiveRelayOptions>();
        services.AddSingleton<LiveRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveRelay>());
        services.AddOptions<LiveSessionOptions>().BindConfiguration(LiveSessionOptions.Section)
            .Validate(options => options.SessionRecheckInterval > TimeSpan.Zero && options.SignedOutGrace >= TimeSpan.Zero,
                $"{LiveSessionOptions.Section}: SessionRecheckInterval must be positive, SignedOutGrace not negative.")
            .ValidateOnStart();
        services.AddSingleton<LiveSessions>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveSessions>());

        services.AddSingleton(new TableServiceClient(storageConnectionString));
        services.AddSingleton(new BlobServiceClient(storageConnectionString));
        services.AddKaolackHealth();
        return services;
    }

    /// <summary>Forwarded headers of known proxies first, then security headers, so every response carries them; static files come after this.</summary>
    public static WebApplication UseKaolackFrontDoor(this WebApplication app)
    {
        app.UseKaolackForwardedHeaders();
        app.UseKaolackSecurityHeaders();
        return app;
    }

    public static WebApplication MapKaolackApi(this WebApplication app)
    {
        // UseExceptionHandler clears ETag when an error response starts; this callback, registered first, runs
        // last, so a 412 still carries the current version (as DomainExceptionHandler intends).
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Features.Get<IExceptionHandlerFeature>()?.Error is VersionConflictException conflict)
                {
                    ETags.Set(context.Response, conflict.CurrentVersion);
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseKaolackApiResponses();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
            {
                limit.MaxRequestBodySize = MaxMessageBytes;
            }
            return next(context);
        });

        app.UseKaolackOriginCheck();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Kaolack.Orleans API").WithNonce().DisableDefaultFonts()).AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapAdminEndpoints();

        app.MapProfileEndpoints<ICooperativeGrain, CooperativeProfile, Cooperative>(
            EntityKind.Cooperative, "La coopérative", profile => profile.Name, view => view.Meta).RequireKaolackWriteLimit();
        app.MapProfileEndpoints<IDiasporaGroupGrain, DiasporaGroupProfile, DiasporaGroup>(
            EntityKind.DiasporaGroup, "Le groupe de la diaspora", profile => profile.Name, view => view.Meta).RequireKaolackWriteLimit();
        app.MapProfileEndpoints<IOrganisationGrain, OrganisationProfile, Organisation>(
            EntityKind.Organisation, "L'organisation", profile => profile.Name, view => view.Meta).RequireKaolackWriteLimit();
        app.MapExchangeEndpoints().RequireKaolackWriteLimit();
        app.MapProjectEndpoints().RequireKaolackWriteLimit();
        app.MapInvitationEndpoints().RequireKaolackWriteLimit();
        app.MapSuggestionEndpoints();
        app.MapWorkshopEndpoints().RequireKaolackWriteLimit();
        app.MapDashboardEndpoints();

        // WebSockets only: clients skip the negotiate request, so behind a load balancer without affinity any silo takes any
        // connection (a negotiated one makes a second request, which may reach a silo that never saw the first).
        app.MapHub<LiveHub>(LiveHub.Path, options => options.Transports = HttpTransportType.WebSockets);
        app.MapKaolackHealth();
        return app;
    }
}
