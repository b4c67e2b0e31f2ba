using System.Net.Http.Headers;
using Kaolack.Api.Workshops;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Api.Tests.Workshops;

/// <summary>Workshops and their guests for the workshop tests, through the public API.</summary>
public static class WorkshopTeam
{
    /// <summary>How long a live view may take to catch up with what a test just did, on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

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
