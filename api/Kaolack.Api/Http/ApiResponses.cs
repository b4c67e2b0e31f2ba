using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Http;

/// <summary>
/// How API answers travel: compressed (JSON of a directory or a dashboard shrinks five to ten times, which is what a
/// phone on 3G feels) and never cached by the browser or a proxy, because they hold what a signed-in person may see
/// now. Sign-in answers are not compressed: they carry tokens, and a compressed secret next to text an attacker
/// chooses is what BREACH reads.
/// </summary>
public static class ApiResponses
{
    public const string ApiPath = "/api";

    public const string AuthPath = "/api/auth";

    public const string NoStore = "no-store";

    public static IServiceCollection AddKaolackResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json", "text/csv", "text/markdown"];
        });
        // Compressed per answer: the fastest level keeps the CPU cost below the bytes it saves.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseKaolackApiResponses(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = NoStore;
                    return Task.CompletedTask;
                });
                return next(context);
            });
            api.UseWhen(context => !context.Request.Path.StartsWithSegments(AuthPath), compressed => compressed.UseResponseCompression());
        });
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiPath);
}
