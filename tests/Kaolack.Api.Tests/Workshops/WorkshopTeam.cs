using System.Net;
using System.Net.Http.Headers;
using Kaolack.Api.Workshops;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Workshops;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>Coaches, workshops and guests for the workshop tests, through the public API.</summary>
public static class WorkshopTeam
{
    /// <summary>A new account given the coach role by the admin (roles are read on every request: its token works at once).</summary>
    public static Task<TestUser> Coach(HostFixture app, TestUser admin, string prefix) => WithRole(app, admin, prefix, Role.Coach);

    public static Task<TestUser> Partner(HostFixture app, TestUser admin, string prefix) => WithRole(app, admin, prefix, Role.Partner);

    private static async Task<TestUser> WithRole(HostFixture app, TestUser admin, string prefix, Role role)
    {
        var user = await app.NewUserAsync(prefix);
        using var http = admin.Client(app.Host);
        await (await http.Put($"/api/admin/users/{user.Email}/roles", new { roles = new[] { role } }, null)).Read<Account>();
        return user;
    }

    public static async Task<WorkshopView> Create(HttpClient coach, string title, string? projectSlug = null) =>
        await (await coach.Post("/api/workshops", Samples.Workshop(title, projectSlug))).Read<WorkshopView>(HttpStatusCode.Created);

    /// <summary>Joins by code without an account: the guest's bearer token and id.</summary>
    public static async Task<JoinAnswer> JoinAsGuest(SiloHost host, string code, string displayName)
    {
        using var http = host.CreateClient();
        return await (await http.Post("/api/workshops/join", new JoinRequest(code, displayName))).Read<JoinAnswer>();
    }

    public static HttpClient Client(SiloHost host, string token)
    {
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Task<WorkshopAck> Send(HubConnection connection, string workshopId, object command) =>
        connection.InvokeAsync<WorkshopAck>("SendWorkshopCommand", workshopId, command);
}
