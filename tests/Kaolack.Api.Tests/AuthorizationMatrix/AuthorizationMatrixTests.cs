using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Kaolack.Api.Live;
using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Live;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kaolack.Api.Tests.AuthorizationMatrix;

/// <summary>
/// Every endpoint and every hub method, discovered from the running app, tried with every identity against the
/// expectations of <see cref="AuthorizationMatrixTable"/>: allowed calls succeed with their exact status and effect,
/// refused ones answer 401/403 and change nothing. An endpoint or hub method missing from the table fails the run.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixFixture world, ITestOutputHelper output)
    : IClassFixture<AuthorizationMatrixFixture>
{
    private static readonly string[] ServicePrefixes = [.. AuthorizationMatrixTable.Services.Select(s => s.Prefix)];

    [Fact]
    public void Every_discovered_endpoint_and_hub_method_has_an_expectation_and_every_expectation_exists()
    {
        var problems = new List<string>();
        var api = ApiEndpoints().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var table = AuthorizationMatrixTable.Endpoints.Select(r => r.Name).ToList();
        problems.AddRange(api.Where(name => !table.Contains(name)).Select(name => $"endpoint {name} has no row in the matrix"));
        problems.AddRange(table.Where(name => !api.Contains(name)).Select(name => $"matrix row {name} names no endpoint of the app"));
        problems.AddRange(table.GroupBy(name => name).Where(g => g.Count() > 1).Select(g => $"matrix row {g.Key} appears {g.Count()} times"));

        var others = OtherEndpoints().ToList();
        problems.AddRange(others.Where(e => ServiceRuleFor(e) is null).Select(e => $"endpoint {e.Name} outside /api has no service rule"));
        problems.AddRange(ServicePrefixes.Where(prefix => !others.Any(e => Under(e.Route, prefix))).Select(prefix => $"service rule {prefix} matches no endpoint"));

        var methods = HubMethods();
        var hubRules = AuthorizationMatrixTable.Hub.Select(r => r.Method).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(methods.Where(m => !hubRules.Contains(m)).Select(m => $"hub method LiveHub.{m} has no row in the matrix"));
        problems.AddRange(hubRules.Where(m => !methods.Contains(m)).Select(m => $"hub row {m} names no method of LiveHub"));
        problems.AddRange(AuthorizationMatrixTable.Hub.Where(r => r.Allowed.Contains(Who.Anonymous)).Select(r => $"hub row {r.Name} allows anonymous, but the hub requires sign-in"));

        output.WriteLine($"{api.Count} API endpoints, {others.Count} other endpoints, {methods.Count} hub methods:");
        foreach (var line in api.Order(StringComparer.Ordinal).Concat(others.Select(e => e.Name)).Concat(methods.Select(m => $"hub {m}")))
        {
            output.WriteLine($"  {line}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_api_endpoint_allows_exactly_the_expected_identities_and_refusals_change_nothing()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var worldBefore = await world.ReadWorld();
        var (allowedCount, deniedCount) = (0, 0);
        var rules = AuthorizationMatrixTable.Endpoints.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var grid = new StringBuilder();
        grid.AppendLine($"{"endpoint",-58} {string.Join(' ', Identities.All.Select(Short))}");

        foreach (var endpoint in ApiEndpoints().OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal))
        {
            if (!rules.TryGetValue(endpoint.Name, out var rule))
            {
                failures.Add($"{endpoint.Name}: no row in the matrix, so no expectation to check");
                continue;
            }
            grid.Append($"{rule.Name,-58}");
            foreach (var who in Identities.All)
            {
                var allowed = rule.Allowed.Contains(who);
                grid.Append($" {(allowed ? "yes" : "-"),-5}");
                if (allowed)
                {
                    allowedCount++;
                }
                else
                {
                    deniedCount++;
                }
                try
                {
                    if (await RunCase(rule, who, allowed) is { } failure)
                    {
                        failures.Add($"{rule.Name} as {who}: {failure}");
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{rule.Name} as {who}: {exception.GetType().Name}: {exception.Message}");
                }
            }
            grid.AppendLine();
        }

        if (await world.ReadWorld() is var worldAfter && worldAfter != worldBefore)
        {
            failures.Add($"the shared target changed during the run:\n{worldBefore}\n---\n{worldAfter}");
        }
        output.WriteLine(grid.ToString());
        output.WriteLine($"{allowedCount + deniedCount} cases ({allowedCount} allowed, {deniedCount} refused) in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} case(s) failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task Every_endpoint_outside_the_api_has_its_expected_access()
    {
        var failures = new List<string>();
        var count = 0;
        // The front end is mapped only when the silo was built with it (test.sh builds it first).
        var frontEnd = OtherEndpoints().Any(e => e.IsFrontEnd) ? [AuthorizationMatrixTable.FrontEnd] : Array.Empty<ServiceRule>();
        foreach (var rule in (ServiceRule[])[.. AuthorizationMatrixTable.Services, .. frontEnd])
        {
            foreach (var who in Identities.All)
            {
                var allowed = rule.Allowed.Contains(who);
                count++;
                using var response = await world.Send(who, new HttpMethod(rule.ProbeMethod), rule.ProbePath);
                var expected = allowed ? rule.Success : Refusal(who);
                if (response.StatusCode != expected)
                {
                    failures.Add($"{rule.ProbeMethod} {rule.ProbePath} as {who}: expected {(int)expected}, got {(int)response.StatusCode}");
                }
            }
        }

        // Every other endpoint of each group too, route values filled with placeholders: the access check comes
        // before the handler, so a refused identity gets 401/403 and an allowed one anything else.
        foreach (var endpoint in OtherEndpoints())
        {
            var rule = ServiceRuleFor(endpoint);
            if (rule is null)
            {
                failures.Add($"{endpoint.Name}: no service rule");
                continue;
            }
            var path = FillRoute(endpoint.Route);
            foreach (var who in Identities.All)
            {
                var allowed = rule.Allowed.Contains(who);
                count++;
                using var response = await world.SendForStatus(who, new HttpMethod(endpoint.Method), path);
                var status = response.StatusCode;
                var ok = allowed
                    ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    : status == Refusal(who);
                if (!ok)
                {
                    failures.Add($"{endpoint.Name} ({endpoint.Method} {path}) as {who}: {(allowed ? "allowed" : "refused")} expected, got {(int)status}");
                }
            }
        }
        output.WriteLine($"{count} cases outside /api");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_hub_method_allows_exactly_the_expected_identities()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var rule in AuthorizationMatrixTable.Hub)
        {
            // No session, no connection: the hub answers the WebSocket upgrade (clients skip negotiation) with 401 before any
            // method can be called.
            count++;
            await using var anonymous = world.Host.CreateHubConnection();
            var refused = await Record.ExceptionAsync(() => anonymous.StartAsync());
            if (refused is not WebSocketException || !refused.Message.Contains("status code '401'", StringComparison.Ordinal))
            {
                failures.Add($"{rule.Name} as Anonymous: connection expected to be refused with 401, got {refused?.ToString() ?? "a connection"}");
            }
        }

        foreach (var who in Identities.Connected)
        {
            await using var connection = world.Host.CreateHubConnection(world.TokenOf(who));
            await connection.StartAsync();
            foreach (var rule in AuthorizationMatrixTable.Hub)
            {
                count++;
                var allowed = rule.Allowed.Contains(who);
                try
                {
                    if (await RunHubCase(connection, rule, who, allowed) is { } failure)
                    {
                        failures.Add($"{rule.Name} as {who}: {failure}");
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{rule.Name} as {who}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }
        output.WriteLine($"{count} hub cases");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static readonly string[] AdminRoles = ["admin"];
    private static readonly string[] MemberRoles = ["member"];

    /// <summary>
    /// Identity changed while connected (issue 20): an admin's open connection, once the account is demoted to a plain
    /// member, is refused every hub row a member is refused, and loses the project topics it followed with an
    /// "access-removed" notice; once its password changes, its session ends: calls are refused "signed-out" and it is
    /// told. The rows a member is allowed are still served in between.
    /// </summary>
    [Fact]
    public async Task Every_hub_method_follows_an_identity_changed_while_connected()
    {
        var email = await world.RegisterFresh("change");
        await world.Must(Who.Admin, HttpMethod.Put, $"/api/admin/users/{email}/roles", new { roles = AdminRoles });
        var token = await world.Host.SignInAsync(email, world.LoginSubjectPassword);
        await using var connection = world.Host.CreateHubConnection(token);
        var notices = new LiveNotices(connection);
        await connection.StartAsync();
        string[] followed = [$"project:{AuthorizationMatrixFixture.ProjectSlug}", $"plan:{AuthorizationMatrixFixture.ProjectSlug}"];
        foreach (var topic in followed)
        {
            await connection.InvokeAsync<CatchUp>(nameof(LiveHub.Subscribe), topic, (long?)null);
        }

        await world.Must(Who.Admin, HttpMethod.Put, $"/api/admin/users/{email}/roles", new { roles = MemberRoles });
        foreach (var topic in followed)
        {
            Assert.StartsWith("access-removed: ", await notices.RevokedFrom(topic), StringComparison.Ordinal);
        }
        var failures = new List<string>();
        foreach (var rule in AuthorizationMatrixTable.Hub)
        {
            var allowed = rule.Allowed.Contains(Who.OtherMember);
            // A member's allowed rows that write (a workshop note) would collide with the member's own case: reads only.
            if (allowed && rule.Method is not (nameof(LiveHub.Subscribe) or nameof(LiveHub.Unsubscribe)))
            {
                continue;
            }
            try
            {
                if (await RunHubCase(connection, rule, Who.OtherMember, allowed) is { } failure)
                {
                    failures.Add($"{rule.Name} as a demoted admin: {failure}");
                }
            }
            catch (Exception exception)
            {
                failures.Add($"{rule.Name} as a demoted admin: {exception.GetType().Name}: {exception.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));

        using var http = world.Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var changed = await http.PostAsJsonAsync("/api/auth/password", new { currentPassword = world.LoginSubjectPassword, newPassword = world.LoginSubjectPassword + "-nouveau" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.StartsWith("signed-out: ", await notices.SignedOut, StringComparison.Ordinal);
        var refused = await Record.ExceptionAsync(() => connection.InvokeAsync<CatchUp>(nameof(LiveHub.Subscribe), "directory:projects", (long?)null));
        Assert.True(refused is HubException { Message: var m } && m.Contains("HubException: signed-out: ", StringComparison.Ordinal)
            || connection.State != HubConnectionState.Connected, $"after the password change: {refused?.Message ?? "served"}");
    }

    private async Task<string?> RunCase(EndpointRule rule, Who who, bool allowed)
    {
        var call = await rule.Scenario(world, who, allowed);
        if (!string.Equals(call.Method.Method, rule.Method, StringComparison.Ordinal))
        {
            return $"the scenario sends {call.Method}, the row is {rule.Method}";
        }
        var before = allowed ? null : await ReadState(call);
        using var response = await world.Send(who, call.Method, call.Path, call.Body, call.IfMatch);
        var text = await response.Content.ReadAsStringAsync();
        var status = response.StatusCode;
        if (allowed)
        {
            if (status != rule.Success)
            {
                return $"allowed: expected {(int)rule.Success}, got {(int)status} {text}";
            }
            if (call.VerifyText is not null)
            {
                return await call.VerifyText(text);
            }
            // Exports (Markdown, CSV) reach Verify as one JSON string.
            var body = text.Length == 0 ? default
                : response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true ? JsonDocument.Parse(text).RootElement
                : JsonSerializer.SerializeToElement(text);
            return call.Verify is null ? null : await call.Verify(body);
        }

        var expected = Refusal(who);
        if (status != expected)
        {
            return $"refused: expected {(int)expected}, got {(int)status} {text}";
        }
        var code = text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        var expectedCode = who == Who.Anonymous ? "unauthenticated" : "forbidden";
        if (code != expectedCode)
        {
            return $"refused: expected problem code {expectedCode}, got {code ?? "none"} in {text}";
        }
        var after = await ReadState(call);
        return after == before ? null : $"refused, yet the state changed:\n{before}\n---\n{after}";
    }

    private async Task<string> ReadState(MatrixCall call) =>
        $"{await world.ReadWorld()}\n{(call.Probe is null ? "" : await call.Probe())}";

    private async Task<string?> RunHubCase(HubConnection connection, HubRule rule, Who who, bool allowed)
    {
        var topic = rule.Topic.Replace(AuthorizationMatrixFixture.TargetWorkshop, world.WorkshopId, StringComparison.Ordinal);
        if (rule.Method == nameof(LiveHub.SubmitPlanOp))
        {
            return topic == world.WorkshopNotes
                ? await MatrixScenarios.SubmitNotesOp(world, connection, who, allowed)
                : await MatrixScenarios.SubmitPlanOp(world, connection, who, allowed, topic);
        }
        if (rule.Method is nameof(LiveHub.UpdatePresence) or nameof(LiveHub.LeavePresence))
        {
            return await MatrixScenarios.Presence(world, connection, who, allowed, rule.Topic, leave: rule.Method == nameof(LiveHub.LeavePresence));
        }
        if (rule.Method == nameof(LiveHub.SendWorkshopCommand))
        {
            return await MatrixScenarios.WorkshopCommand(world, connection, who, allowed, coach: rule.Topic == "coach");
        }
        if (rule.Method == nameof(LiveHub.Unsubscribe))
        {
            await connection.InvokeAsync(nameof(LiveHub.Unsubscribe), topic);
            return allowed ? null : "refusal expected, Unsubscribe completed";
        }
        if (rule.Method != nameof(LiveHub.Subscribe))
        {
            return "no way to call this hub method: add it to RunHubCase";
        }
        return await MatrixScenarios.JudgeHubCall(allowed,
            () => connection.InvokeAsync<CatchUp>(nameof(LiveHub.Subscribe), topic, (long?)null),
            catchUp => Task.FromResult(catchUp.Topic == topic && catchUp.Version > 0 ? null : $"catch-up {catchUp.Topic} v{catchUp.Version}"),
            () => Task.FromResult<string?>(null));
    }

    private static HttpStatusCode Refusal(Who who) => who == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;

    private static string Short(Who who) => who switch
    {
        Who.Anonymous => "anon",
        Who.OtherMember => "other",
        Who.Viewer => "view",
        Who.Editor => "edit",
        Who.Owner => "owner",
        Who.Partner => "partn",
        Who.Coach => "coach",
        Who.Guest => "guest",
        _ => "admin",
    };

    /// <param name="IsFrontEnd">A file of the built web front end (MapStaticAssets), public like the page.</param>
    private sealed record Discovered(string Method, string Route, bool IsFrontEnd = false)
    {
        public string Name => $"{Method} {Route}";
    }

    private IEnumerable<RouteEndpoint> RouteEndpoints() =>
        world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private IEnumerable<Discovered> ApiEndpoints() =>
        from endpoint in RouteEndpoints()
        let route = endpoint.RoutePattern.RawText ?? ""
        where Under(route, "/api")
        from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["(any)"]
        select new Discovered(method, route);

    /// <summary>Endpoints outside /api; those answering any method are tried with GET.</summary>
    private List<Discovered> OtherEndpoints() =>
    [
        .. (from endpoint in RouteEndpoints()
            let route = endpoint.RoutePattern.RawText ?? ""
            where !Under(route, "/api")
            from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]
            select new Discovered(method, route, endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null))
        .Distinct()
        .OrderBy(e => e.Route, StringComparer.Ordinal)
        .ThenBy(e => e.Method, StringComparer.Ordinal),
    ];

    private static ServiceRule? ServiceRuleFor(Discovered endpoint) => endpoint.IsFrontEnd
        ? AuthorizationMatrixTable.FrontEnd
        : AuthorizationMatrixTable.Services.FirstOrDefault(rule => Under(endpoint.Route, rule.Prefix));

    private static bool Under(string route, string prefix)
    {
        var normalised = "/" + route.TrimStart('/');
        return normalised == prefix || normalised.StartsWith(prefix + "/", StringComparison.Ordinal);
    }

    /// <summary>Optional and catch-all parameters disappear; required ones become "1" when constrained to int, else "x".</summary>
    private static string FillRoute(string route)
    {
        var filled = RouteParameter().Replace(route, match => match.Value switch
        {
            var p when p.Contains('?', StringComparison.Ordinal) || p.StartsWith("{*", StringComparison.Ordinal) => "",
            var p when p.Contains(":int", StringComparison.Ordinal) => "1",
            _ => "x",
        });
        return "/" + MultipleSlashes().Replace(filled, "/").TrimStart('/');
    }

    private static HashSet<string> HubMethods() =>
    [
        .. typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub))
            .Select(m => m.Name),
    ];

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("/{2,}")]
    private static partial Regex MultipleSlashes();
}
