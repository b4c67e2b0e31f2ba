using Kaolack.Contracts.Dashboard;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Common;
using Kaolack.Grains.Dashboard;
using Kaolack.Grains.Organisations;
using Kaolack.Grains.Workshops;

namespace Kaolack.Grains.Live;

/// <summary>
/// What of a live event a given caller may receive, declared once per topic kind (<see cref="TopicKinds"/> declares the
/// rest of each kind). Directory events about projects the caller may not see are withheld (so directory topics can skip
/// versions); snapshots keep only visible entries. A project's events go only to who may read the project at that
/// version: subscribing required read access, but a member removed later must stop receiving them on a connection that
/// stays open. Dashboard summaries go to their project's readers; programme pushes go whole to those who see every project,
/// and to the others with only the rows they may see and no programme-wide numbers (they recount over REST).
/// Every signed-in user reads organisations; an organisation of the kinds beyond cooperatives and diaspora groups goes
/// without its contact to read-only readers (<see cref="OrganisationRules.SeesContact"/>). A workshop's events carry its changes
/// (or its whole state): each connection receives them shaped for its caller (results hidden from participants while the
/// coach hides them, their own ballots, dots and upvotes), and nothing if they may not observe the workshop; the delta
/// shared by every participant is one object, so the relay sends it to all of them in one go.
/// </summary>
public static class LiveVisibility
{
    private static readonly Dictionary<TopicScope, TopicVisibility> Rules = new()
    {
        [TopicScope.Entity] = new(
            (caller, liveEvent) => liveEvent.Data switch
            {
                JointProject project => AccessPolicy.CanReadProject(caller, project.Members) ? liveEvent : null,
                Organisation organisation => liveEvent with { Data = OrganisationRules.ForReader(caller, organisation) },
                _ => liveEvent,
            },
            liveEvent => liveEvent.Data is JointProject or Organisation),
        [TopicScope.Directory] = new(
            (caller, liveEvent) => liveEvent.Data switch
            {
                DirectoryEntry entry => AccessPolicy.CanSee(caller, entry.Readers) ? liveEvent : null,
                DirectorySnapshot snapshot when snapshot.Entries.Any(e => !AccessPolicy.CanSee(caller, e.Readers)) =>
                    liveEvent with { Data = new DirectorySnapshot([.. snapshot.Entries.Where(e => AccessPolicy.CanSee(caller, e.Readers))]) },
                _ => liveEvent,
            },
            liveEvent => liveEvent.Data switch
            {
                DirectoryEntry entry => entry.Readers is not null,
                DirectorySnapshot snapshot => snapshot.Entries.Any(e => e.Readers is not null),
                _ => false,
            }),
        [TopicScope.Plan] = TopicVisibility.Everyone,
        [TopicScope.Presence] = TopicVisibility.Everyone,
        [TopicScope.Workshop] = new(
            (caller, liveEvent) => liveEvent.Data switch
            {
                WorkshopSnapshot workshop => WorkshopAccess.CanObserve(caller, workshop.Data)
                    ? liveEvent with { Data = WorkshopViews.For(caller, workshop, liveEvent.At) }
                    : null,
                WorkshopChanges changes => changes.For(caller) is { } delta ? liveEvent with { Data = delta } : null,
                _ => liveEvent,
            },
            liveEvent => liveEvent.Data is WorkshopSnapshot or WorkshopChanges),
        [TopicScope.ProgrammeDashboard] = new(
            (caller, liveEvent) => liveEvent.Data is ProgrammeDashboard dashboard && !caller.SeesAllProjects
                ? liveEvent with { Data = ProgrammeAggregation.ForOwnProjects(dashboard, caller) }
                : liveEvent,
            liveEvent => liveEvent.Data is ProgrammeDashboard),
        [TopicScope.ProjectDashboard] = new(
            (caller, liveEvent) => liveEvent.Data is ProjectSummary summary && !AccessPolicy.CanSee(caller, summary.Readers) ? null : liveEvent,
            liveEvent => liveEvent.Data is ProjectSummary { Readers: not null }),
    };

    /// <summary>The rule of one topic kind (the relay and the publishers hold the one of their topic).</summary>
    public static TopicVisibility Of(TopicScope scope) =>
        Rules.TryGetValue(scope, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(scope), scope, "No visibility rule declared.");
}
