using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Text;
using Kaolack.Grains.Tests.Live;
using Kaolack.Testing;
using static Kaolack.Grains.Tests.Plans.PlanOps;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>
/// Who is in a plan right now, on the real cluster: entries shown to watchers and readers, cursors moved by
/// concurrent text edits, entries gone after the TTL (<see cref="ClusterFixture.PresenceTtl"/>) without a heartbeat,
/// and only project readers present.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlanPresenceTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private readonly Caller owner = Callers.Member("proprietaire");

    [Fact]
    public async Task An_update_shows_up_for_watchers_and_in_the_snapshot_with_the_name_and_position()
    {
        var (slug, _) = await NewPlan();
        var viewer = await Join(slug, Callers.Member("lecteur"), ProjectRole.Viewer);
        var presence = client.GetGrain<IPlanPresenceGrain>(slug);
        var observer = new RecordingObserver();
        var reference = client.CreateObjectReference<ILiveObserver>(observer);
        try
        {
            var watched = await presence.Watch(reference);
            await presence.Update(owner, "Awa Ndiaye", new("client-a", PlanEntityKind.Section, "s1", PlanFields.Body, 4));
            await presence.Update(viewer, "Moussa Diop", new("client-b", null, null, null, null));

            await Eventually.True(() => observer.Received.Count >= 2, "two presence snapshots");
            // Observer calls are not ordered by Orleans (the relay orders by version, as here).
            var events = observer.Received.OrderBy(e => e.Version).ToList();
            Assert.All(events, e => Assert.Equal(ChangeKind.Snapshot, e.Change));
            Assert.All(events, e => Assert.Equal($"presence:{slug}", e.Topic));
            Assert.True(events[0].Version > watched, "every event comes after the version Watch returned");
            Assert.Equal(events.Count, events.Select(e => e.Version).Distinct().Count());
            var last = Assert.IsType<PresenceList>(events[^1].Data);
            Assert.Equal(["client-a", "client-b"], last.Entries.Select(e => e.ClientId).Order(StringComparer.Ordinal));

            var snapshot = Entries(await presence.CatchUp(viewer, null));
            var a = snapshot.Single(e => e.ClientId == "client-a");
            Assert.Equal((owner.UserId, "Awa Ndiaye", PlanEntityKind.Section, "s1", PlanFields.Body, 4),
                (a.UserId, a.DisplayName, a.Kind!.Value, a.EntityId!, a.Field!, a.Cursor!.Value));
            Assert.Equal("Moussa Diop", snapshot.Single(e => e.ClientId == "client-b").DisplayName);
        }
        finally
        {
            client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }

    [Fact]
    public async Task A_cursor_moves_with_a_concurrent_insert_before_it_and_not_with_one_after_it()
    {
        var (slug, plan) = await NewPlan();
        await plan.Submit(owner, new("setup", 1, 0, AddSection("s1", "a0", (PlanFields.Body, "Kaolack"))));
        var presence = client.GetGrain<IPlanPresenceGrain>(slug);
        // "Kao|lack"
        await presence.Update(owner, "Awa", new("reader", PlanEntityKind.Section, "s1", PlanFields.Body, 3));
        await presence.Update(owner, "Awa", new("elsewhere", PlanEntityKind.Section, "s1", PlanFields.Heading, 3));

        await plan.Submit(owner, new("writer", 1, 1, Body("s1", TextOp.InsertAt(0, "Région de "))));
        await Eventually.True(async () => Cursor(await presence.CatchUp(owner, null), "reader") == 13, "the cursor after \"Région de Kao\"");

        // After the cursor: no move. Then before it again, so the final position tells whether the first moved it.
        await plan.Submit(owner, new("writer", 2, 2, Body("s1", TextOp.InsertAt(17, " (Sénégal)"))));
        await plan.Submit(owner, new("writer", 3, 3, Body("s1", TextOp.InsertAt(0, "La "))));
        await Eventually.True(async () => Cursor(await presence.CatchUp(owner, null), "reader") == 16, "the cursor after \"La Région de Kao\"");

        var snapshot = await presence.CatchUp(owner, null);
        Assert.Equal(16, Cursor(snapshot, "reader"));
        // Another field of the same section is not touched.
        Assert.Equal(3, Cursor(snapshot, "elsewhere"));
    }

    [Fact]
    public async Task An_entry_disappears_after_the_ttl_without_a_heartbeat_while_a_refreshed_one_stays()
    {
        var (slug, _) = await NewPlan();
        var presence = client.GetGrain<IPlanPresenceGrain>(slug);
        await presence.Update(owner, "Parti", new("dropped", null, null, null, null));
        await presence.Update(owner, "Resté", new("alive", null, null, null, null));

        using var heartbeat = new CancellationTokenSource();
        var beating = Heartbeat(presence, heartbeat.Token);
        try
        {
            await Eventually.True(async () => Entries(await presence.CatchUp(owner, null)).All(e => e.ClientId != "dropped"),
                "the entry without heartbeat gone", ClusterFixture.PresenceTtl * 5);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
        Assert.Equal(["alive"], Entries(await presence.CatchUp(owner, null)).Select(e => e.ClientId));
    }

    [Fact]
    public async Task A_stranger_is_refused_and_nobody_leaves_for_another_account()
    {
        var (slug, _) = await NewPlan();
        var stranger = Callers.Member("inconnu");
        var viewer = await Join(slug, Callers.Member("lecteur"), ProjectRole.Viewer);
        var presence = client.GetGrain<IPlanPresenceGrain>(slug);
        await presence.Update(owner, "Awa", new("owner-client", null, null, null, null));

        await Assert.ThrowsAsync<AccessDeniedException>(() => presence.Update(stranger, "Intrus", new("x", null, null, null, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => presence.CatchUp(stranger, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => presence.Leave(viewer, "owner-client"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => presence.Update(viewer, "Usurpateur", new("owner-client", null, null, null, null)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => presence.Update(owner, "Awa", new("owner-client", PlanEntityKind.Milestone, "m1", PlanFields.Body, -1)));

        Assert.Equal(["owner-client"], Entries(await presence.CatchUp(owner, null)).Select(e => e.ClientId));
        await presence.Leave(owner, "owner-client");
        Assert.Empty(Entries(await presence.CatchUp(owner, null)));
    }

    /// <summary>Refreshes "alive" a few times per TTL until cancelled (bounded by the cancellation).</summary>
    private async Task Heartbeat(IPlanPresenceGrain presence, CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(ClusterFixture.PresenceTtl / 4);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation))
            {
                await presence.Update(owner, "Resté", new("alive", null, null, null, null));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the test.
        }
    }

    private static PresenceEntry[] Entries(CatchUp catchUp) => Assert.IsType<PresenceList>(Assert.Single(catchUp.Events).Data).Entries;

    private static int? Cursor(CatchUp catchUp, string clientId) => Entries(catchUp).Single(e => e.ClientId == clientId).Cursor;

    private async Task<(string Slug, IPlanDocumentGrain Plan)> NewPlan()
    {
        var slug = $"presence-{Samples.Token()}";
        await client.GetGrain<IJointProjectGrain>(slug).Create(owner, Samples.Project());
        return (slug, client.GetGrain<IPlanDocumentGrain>(slug));
    }

    private async Task<Caller> Join(string slug, Caller caller, ProjectRole role)
    {
        var project = client.GetGrain<IJointProjectGrain>(slug);
        var ticket = await project.Invite(owner, caller.UserId, role);
        await project.AcceptInvitation(caller, ticket.Token);
        return caller;
    }
}
