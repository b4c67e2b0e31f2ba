using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Projects;
using Kaolack.Testing;

namespace Kaolack.Grains.Tests.Live;

[Collection(ClusterCollection.Name)]
public sealed class LiveObserverTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    /// <summary>Creates what the test needs: member of its organisations, owner of its projects.</summary>
    private readonly Caller owner = Callers.Member("createur");

    [Fact]
    public async Task A_watcher_of_a_project_receives_the_new_version_after_an_update()
    {
        var slug = $"puits-{Samples.Token()}";
        var project = client.GetGrain<IJointProjectGrain>(slug);
        await project.Create(owner, Samples.Project());
        var observer = new RecordingObserver();
        var reference = client.CreateObjectReference<ILiveObserver>(observer);
        try
        {
            Assert.Equal(1, await project.Watch(reference));

            var updated = await project.Update(owner, Samples.Project("Puits solaires, phase 2"), 1);

            await Eventually.True(() => observer.Received.Any(e => e.Version == updated.Meta.Version), "the update event");
            var received = Assert.Single(observer.Received);
            Assert.Equal(($"project:{slug}", 2L, ChangeKind.Updated), (received.Topic, received.Version, received.Change));
            var data = Assert.IsType<JointProject>(received.Data);
            Assert.Equal((2L, "Puits solaires, phase 2"), (data.Meta.Version, data.Charter.Title));
        }
        finally
        {
            await project.Unwatch(reference);
            client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }

    [Fact]
    public async Task A_watcher_is_told_when_the_sources_activation_ends_and_watching_again_reaches_the_next_one()
    {
        var slug = $"puits-{Samples.Token()}";
        var project = client.GetGrain<IJointProjectGrain>(slug);
        await project.Create(owner, Samples.Project());
        var observer = new RecordingObserver();
        var reference = client.CreateObjectReference<ILiveObserver>(observer);
        try
        {
            await project.Watch(reference);

            await client.GetGrain<IManagementGrain>(0).DeactivateGrain(project.GetGrainId());

            await Eventually.True(() => observer.Deactivations.Contains($"project:{slug}"), "the watcher to be told the activation ended");
            Assert.Equal(1, await project.Watch(reference));
            await project.Update(owner, Samples.Project("Après réactivation"), 1);
            await Eventually.True(() => observer.Received.Any(e => e.Version == 2), "the next activation's event");
        }
        finally
        {
            await project.Unwatch(reference);
            client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }

    [Fact]
    public async Task CatchUp_returns_exactly_the_events_missed_since_a_version()
    {
        var project = client.GetGrain<IJointProjectGrain>($"puits-{Samples.Token()}");
        await project.Create(owner, Samples.Project());
        await project.Update(owner, Samples.Project("Titre 2"), 1);
        await project.Update(owner, Samples.Project("Titre 3"), 2);
        await project.ChangeStatus(owner, ProjectStatus.Cancelled, 3);

        var catchUp = await project.CatchUp(owner, 1);

        Assert.Equal(4, catchUp.Version);
        Assert.Equal([2L, 3L, 4L], catchUp.Events.Select(e => e.Version));
        Assert.All(catchUp.Events, e => Assert.Equal(ChangeKind.Updated, e.Change));
        Assert.Equal(
            ["Titre 2", "Titre 3", "Titre 3"],
            catchUp.Events.Select(e => Assert.IsType<JointProject>(e.Data).Charter.Title));
        Assert.Equal(ProjectStatus.Cancelled, Assert.IsType<JointProject>(catchUp.Events[^1].Data).Status);
        Assert.Empty((await project.CatchUp(owner, 4)).Events);
    }

    [Fact]
    public async Task CatchUp_without_a_version_returns_a_snapshot_of_the_current_state()
    {
        var project = client.GetGrain<IJointProjectGrain>($"puits-{Samples.Token()}");
        await project.Create(owner, Samples.Project());
        await project.Update(owner, Samples.Project("Titre 2"), 1);

        var catchUp = await project.CatchUp(owner, null);

        var snapshot = Assert.Single(catchUp.Events);
        Assert.Equal((ChangeKind.Snapshot, 2L), (snapshot.Change, snapshot.Version));
        Assert.Equal("Titre 2", Assert.IsType<JointProject>(snapshot.Data).Charter.Title);
    }

    [Fact]
    public async Task A_watcher_that_unwatches_receives_nothing_more()
    {
        var project = client.GetGrain<IJointProjectGrain>($"puits-{Samples.Token()}");
        await project.Create(owner, Samples.Project());
        var leaving = new RecordingObserver();
        var staying = new RecordingObserver();
        var leavingReference = client.CreateObjectReference<ILiveObserver>(leaving);
        var stayingReference = client.CreateObjectReference<ILiveObserver>(staying);
        try
        {
            await project.Watch(leavingReference);
            await project.Watch(stayingReference);
            await project.Update(owner, Samples.Project("Titre 2"), 1);
            await Eventually.True(() => leaving.Received.Count == 1 && staying.Received.Count == 1, "both watchers to get version 2");

            await project.Unwatch(leavingReference);
            await project.Update(owner, Samples.Project("Titre 3"), 2);

            await Eventually.True(() => staying.Received.Any(e => e.Version == 3), "the staying watcher to get version 3");
            Assert.Equal([2L], leaving.Received.Select(e => e.Version));
        }
        finally
        {
            await project.Unwatch(stayingReference);
            client.DeleteObjectReference<ILiveObserver>(leavingReference);
            client.DeleteObjectReference<ILiveObserver>(stayingReference);
        }
    }

    [Fact]
    public async Task A_watcher_of_a_directory_receives_the_entry_of_a_new_project()
    {
        var slug = $"puits-{Samples.Token()}";
        var directory = client.GetGrain<IDirectoryGrain>(EntityKind.Project.Plural());
        var observer = new RecordingObserver();
        var reference = client.CreateObjectReference<ILiveObserver>(observer);
        try
        {
            var before = await directory.Watch(reference);

            await client.GetGrain<IJointProjectGrain>(slug).Create(owner, Samples.Project("Puits du Saloum"));

            await Eventually.True(
                () => observer.Received.Any(e => e.Data is DirectoryEntry entry && entry.Slug == slug), "the directory event");
            var received = observer.Received.Single(e => e.Data is DirectoryEntry entry && entry.Slug == slug);
            Assert.Equal(("directory:projects", ChangeKind.Created), (received.Topic, received.Change));
            Assert.True(received.Version > before);
            Assert.Equal("Puits du Saloum", ((DirectoryEntry)received.Data!).Name);
        }
        finally
        {
            await directory.Unwatch(reference);
            client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }
}
