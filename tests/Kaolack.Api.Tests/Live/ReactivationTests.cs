using System.Diagnostics;
using Kaolack.Client;
using Kaolack.Contracts.Plans;

namespace Kaolack.Api.Tests.Live;

/// <summary>
/// A plan's grain that deactivates (a failed write, a silo stopping, a move) comes back as a new activation with no
/// watchers: the relay must watch it again at once, or others' edits stop arriving until its periodic refresh (30 s).
/// </summary>
public sealed class ReactivationTests(ApiFixture app) : ApiTests(app)
{
    [Fact]
    public async Task Others_edits_arrive_within_a_second_of_the_first_ack_after_the_plan_grain_is_reactivated()
    {
        var team = await PlanTeam.CreateAsync(App.Host, "plan-reactive");
        var topic = $"plan:{team.Slug}";
        await using var writer = team.Editor.Hub(App.Host);
        await using var reader = team.Viewer.Hub(App.Host);
        var log = new LiveEventLog(reader);
        await writer.StartAsync();
        await reader.StartAsync();
        await LiveEventLog.Subscribe(reader, topic, null);
        await Submit(writer, team.Slug, 1, 0, PlanOps.Add(PlanEntityKind.Section, "s1", "a0"));
        await log.WaitForVersion(topic, 1, "the reader");

        // As after a failed write: the activation ends, and the next call makes a new one.
        var plan = App.Host.Grains.GetGrain<IPlanDocumentGrain>(team.Slug);
        await App.Host.Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(plan.GetGrainId());
        var ack = await Submit(writer, team.Slug, 2, 1, PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 0, "après"));
        var sinceAck = Stopwatch.StartNew();
        await log.WaitForVersion(topic, 2, "the reader to receive the first edit after the reactivation");
        var delay = sinceAck.Elapsed;
        await Submit(writer, team.Slug, 3, 2, PlanOps.Insert(PlanEntityKind.Section, "s1", PlanFields.Body, 5, " coup"));
        await log.WaitForVersion(topic, 3, "the reader to receive the next edit");

        Assert.Equal(new PlanAck(2, null), ack);
        Assert.True(delay < TimeSpan.FromSeconds(1), $"the reader received v2 {delay.TotalMilliseconds:0} ms after it was acknowledged");
        Assert.Equal([1L, 2L, 3L], log.For(topic).Select(e => e.Version));
    }

    private static Task<PlanAck> Submit(HubConnection connection, string slug, long seq, long baseVersion, PlanOp op) =>
        connection.InvokeAsync<PlanAck>("SubmitPlanOp", slug, new PlanSubmission("redacteur", seq, baseVersion, op));
}
