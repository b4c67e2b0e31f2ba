using Kaolack.Contracts.Plans;
using Kaolack.Testing;

namespace Kaolack.Client.Tests;

/// <summary>Presence through PlanClient against a real silo: show, see the others with cursors in the local text, leave.</summary>
[Collection(LiveCollection.Name)]
public sealed class PlanPresenceClientTests(AzuriteFixture azurite) : LivePlanTests(azurite, "plan-presence")
{
    [Fact]
    public async Task Others_show_up_with_their_cursor_moved_through_local_pending_edits_and_go_when_they_leave()
    {
        await using var awa = Team.Client(Host, 0);
        await using var karim = Team.Client(Host, 1);
        await awa.ConnectAsync();
        await karim.ConnectAsync();
        awa.Edit(PlanOps.Add(PlanEntityKind.Section, "s1", "V", new Dictionary<string, string> { [PlanFields.Body] = "Kaolack Oujda" }));
        await awa.WaitUntilSynchronizedAsync(Timeout);
        await karim.WaitUntilSynchronizedAsync(Timeout, awa.Version);
        await awa.WatchPresenceAsync();
        await karim.WatchPresenceAsync();

        // Karim's caret before "Oujda"; Awa shows herself too, and Karim sees her.
        await karim.UpdatePresenceAsync(PlanEntityKind.Section, "s1", PlanFields.Body, 8);
        await awa.UpdatePresenceAsync(PlanEntityKind.Section, "s1", PlanFields.Heading, null);
        await Eventually.True(() => awa.Others.Any(e => e.ClientId == karim.ClientId && e.Cursor == 8), "Awa to see Karim's caret", Timeout);
        await Eventually.True(() => karim.Others.Any(e => e.ClientId == awa.ClientId), "Karim to see Awa", Timeout);
        var seenByAwa = Assert.Single(awa.Others);

        // Offline, Awa types at the start: her pending edit moves Karim's caret in her text, not on the server.
        await awa.DisconnectAsync();
        awa.Edit(PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, "🌍 "));
        var whileOffline = Assert.Single(awa.Others);

        Assert.Equal((PlanEntityKind.Section, "s1", PlanFields.Body), (seenByAwa.Kind, seenByAwa.EntityId, seenByAwa.Field));
        // "🌍 " is two code points: the caret stays before "Oujda".
        Assert.Equal(10, whileOffline.Cursor);

        // Back online: her edit lands, the server moves Karim's caret with it, and Awa (her edit no longer pending) agrees.
        await awa.ConnectAsync();
        await awa.WaitUntilSynchronizedAsync(Timeout);
        await Eventually.True(() => awa.Others.Any(e => e.ClientId == karim.ClientId && e.Cursor == 10), "Awa to see Karim's caret moved by the server", Timeout);
        // Shown again after the reconnect, under the same client id.
        await Eventually.True(() => karim.Others.Any(e => e.ClientId == awa.ClientId && e.Field == PlanFields.Heading), "Karim to see Awa again", Timeout);

        await karim.LeavePresenceAsync();
        await Eventually.True(() => awa.Others.All(e => e.ClientId != karim.ClientId), "Karim to be gone for Awa", Timeout);
    }
}
