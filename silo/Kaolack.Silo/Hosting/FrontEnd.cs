namespace Kaolack.Silo.Hosting;

/// <summary>
/// Serves the built web front end (<c>wwwroot</c>, written by Vite) for phones on slow links: every text file
/// compressed once at build (brotli and gzip, <c>BuildCompressionFormats</c> in the project) and served by
/// <c>MapStaticAssets</c> with its ETag; files under <c>/assets/</c> cached for a year, immutable, because Vite names
/// each one by a hash of its content, so a changed file is a new address; the page itself (<c>index.html</c>)
/// revalidated on every load, so a new release is seen at once.
/// </summary>
public static class FrontEnd
{
    public const string AssetsPath = "/assets";

    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    private const string ManifestName = "Kaolack.Silo.staticwebassets.endpoints.json";

    /// <summary>Where a build (not a publish) keeps the compressed copies: outside wwwroot, listed by this file.</summary>
    private const string BuildLayoutName = "Kaolack.Silo.staticwebassets.runtime.json";

    /// <summary>
    /// A published silo has the compressed copies in its wwwroot. A built one (<c>run.sh</c>, tests) finds them through
    /// the build's layout file, named explicitly because a test host's application is the test assembly, not the silo.
    /// </summary>
    public static void UseBuildLayout(WebApplicationBuilder builder)
    {
        var layout = Path.Combine(AppContext.BaseDirectory, BuildLayoutName);
        if (File.Exists(layout))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, layout);
            builder.WebHost.UseStaticWebAssets();
            // The framework's "files changed since the build" mode would send each compressed file re-encoded
            // without compression and drop the caching headers. The page is rebuilt with the silo (run.sh, test.sh);
            // a file added since is served by the static files middleware.
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }
    }

    /// <summary>Before routing: "/" is the page, and cache headers apply to whichever middleware serves the file.</summary>
    public static WebApplication UseFrontEnd(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(AssetsPath))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                    {
                        context.Response.Headers.CacheControl = ImmutableCaching;
                    }
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        app.UseDefaultFiles();
        // Explicitly after the rewrite of "/" to "/index.html", so the page is matched to its compressed endpoint.
        app.UseRouting();
        // A file the build manifest does not know (the front end rebuilt after the silo, or a test's web root) is still
        // served, uncompressed, and revalidated like the page.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    /// <summary>The compressed, ETagged endpoints of the build manifest, when the silo was built with the front end in place.</summary>
    public static WebApplication MapFrontEnd(this WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, ManifestName);
        if (File.Exists(manifest) && app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            // The page and its scripts are what signing in needs: public, like the static files before them.
            app.MapStaticAssets(manifest).AllowAnonymous();
        }
        return app;
    }
}
