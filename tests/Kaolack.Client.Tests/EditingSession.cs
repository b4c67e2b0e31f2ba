using Kaolack.Contracts.Plans;

namespace Kaolack.Client.Tests;

/// <summary>
/// One simulated person editing through a <see cref="PlanClient"/>: random edits with random small pauses
/// (to interleave with the others, never to wait for anything), and now and then a dropped connection
/// during which edits keep being made and queued.
/// </summary>
public sealed class EditingSession
{
    private readonly Random random;
    private readonly Lock gate = new();
    private readonly HashSet<string> acked = new(StringComparer.Ordinal);
    private readonly List<(PlanOp Op, string Reason)> discarded = [];

    public EditingSession(PlanClient client, int index, int seed)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        random = new Random(seed);
        Editor = new RandomEditor(index, new Random(seed ^ 0x5eed));
        client.Updated += (_, e) =>
        {
            lock (gate)
            {
                foreach (var acknowledged in e.Update.Acknowledged)
                {
                    if (acknowledged.Ack.Version is not null)
                    {
                        Acknowledged++;
                        acked.UnionWith(RandomEditor.MarkersIn(acknowledged.Submission.Op));
                    }
                }
                discarded.AddRange(e.Update.Discarded);
            }
        };
    }

    public PlanClient Client { get; }

    public RandomEditor Editor { get; }

    public int Edits { get; private set; }

    public int Disconnects { get; private set; }

    public int Acknowledged { get; private set; }

    public IReadOnlySet<string> AckedMarkers
    {
        get
        {
            lock (gate)
            {
                return acked.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<(PlanOp Op, string Reason)> Discarded
    {
        get
        {
            lock (gate)
            {
                return [.. discarded];
            }
        }
    }

    /// <summary>Makes <paramref name="edits"/> edits; with <paramref name="maxDisconnects"/> above zero, drops offline that many times at most for a few edits.</summary>
    public async Task RunAsync(int edits, int maxDisconnects)
    {
        var offlineFor = 0;
        for (var i = 0; i < edits; i++)
        {
            if (offlineFor == 0 && Disconnects < maxDisconnects && random.Next(100) < 4)
            {
                await Client.DisconnectAsync();
                Disconnects++;
                offlineFor = random.Next(3, 10);
            }
            if (!Client.Edit(Editor.Next).IsEmpty)
            {
                Edits++;
            }
            if (offlineFor > 0 && --offlineFor == 0)
            {
                await Client.ConnectAsync();
            }
            else if (offlineFor == 0 && Disconnects < maxDisconnects && random.Next(100) < 3 && Client.InFlight is not null)
            {
                // A blip while an op is on the wire: back at once, often before the server has answered.
                await Client.DisconnectAsync();
                Disconnects++;
                await Client.ConnectAsync();
            }
            await Task.Delay(random.Next(0, 15));
        }
        if (offlineFor > 0)
        {
            await Client.ConnectAsync();
        }
    }
}
