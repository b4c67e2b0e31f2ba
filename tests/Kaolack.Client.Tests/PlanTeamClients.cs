using Kaolack.Testing;

namespace Kaolack.Client.Tests;

public static class PlanTeamClients
{
    /// <summary>A plan client of the team's project on the host's hub, signed in as one of its editors (chosen by index).</summary>
    public static PlanClient Client(this PlanTeam team, SiloHost host, int index)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(host);
        var token = team.Editors[index % team.Editors.Count].Token;
        return new PlanClient(PlanClient.CreateConnection(new Uri(host.BaseAddress, "/hubs/live"), () => Task.FromResult<string?>(token)), team.Slug,
            $"client-{index}-{Guid.NewGuid():N}"[..24]);
    }
}
