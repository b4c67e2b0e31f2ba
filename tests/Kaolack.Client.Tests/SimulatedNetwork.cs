using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;

namespace Kaolack.Client.Tests;

/// <summary>One client of the simulated network: its state machine and its three message queues.</summary>
public sealed class SimulatedClient(int index, int seed)
{
    private long sentSeq = -1;

    public int Index { get; } = index;

    public PlanClientState State { get; } = new($"client-{index}");

    public RandomEditor Editor { get; } = new(index, new Random(seed));

    /// <summary>Submissions sent and not yet at the server.</summary>
    public Queue<PlanSubmission> Outbox { get; } = new();

    /// <summary>Events the server pushed, in order.</summary>
    public Queue<PlanChange> Events { get; } = new();

    /// <summary>Answers to submissions, in order.</summary>
    public Queue<(long Seq, PlanAck Ack)> Answers { get; } = new();

    public bool Online { get; set; } = true;

    public HashSet<string> AckedMarkers { get; } = new(StringComparer.Ordinal);

    public List<(PlanOp Op, string Reason)> Discarded { get; } = [];

    public int Applied { get; private set; }

    public void Observe(PlanUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var acknowledged in update.Acknowledged.Where(a => a.Ack.Version is not null))
        {
            Applied++;
            AckedMarkers.UnionWith(RandomEditor.MarkersIn(acknowledged.Submission.Op));
        }
        Discarded.AddRange(update.Discarded);
    }

    /// <summary>Sends the in-flight op unless it was already sent on this connection or its answer is in.</summary>
    public void TrySend()
    {
        if (Online && State.InFlight is { } submission && State.InFlightAckedVersion is null && submission.Seq != sentSeq)
        {
            Outbox.Enqueue(submission);
            sentSeq = submission.Seq;
        }
    }

    /// <summary>A new connection: whatever was in flight is sent again.</summary>
    public void ForgetSent() => sentSeq = -1;
}

/// <summary>
/// Clients and a <see cref="SimulatedServer"/> exchanging messages in an order a seeded random drives:
/// submissions reach the server late, events and answers reach clients late and in either order relative to
/// each other, clients drop offline (losing what was on the wire) and come back with a catch-up.
/// </summary>
public sealed class SimulatedNetwork
{
    private readonly Random random;

    public SimulatedNetwork(int clients, int seed, int logLimit = 2000)
    {
        random = new Random(seed);
        Server = new SimulatedServer(logLimit);
        Clients = [.. Enumerable.Range(0, clients).Select(i => new SimulatedClient(i, seed * 31 + i))];
        foreach (var client in Clients)
        {
            client.Observe(client.State.Load(Server.Snapshot()));
        }
    }

    public SimulatedServer Server { get; }

    public IReadOnlyList<SimulatedClient> Clients { get; }

    public int Resyncs { get; private set; }

    public int Reconnects { get; private set; }

    public void Edit(SimulatedClient client, PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Observe(client.State.Edit(op));
        client.TrySend();
    }

    /// <summary>One random step; edits with probability <paramref name="editWeight"/> in 100.</summary>
    public void Step(int editWeight = 30, bool allowDisconnects = true)
    {
        var client = Clients[random.Next(Clients.Count)];
        var roll = random.Next(100);
        if (roll < editWeight)
        {
            if (client.Editor.Next(client.State.Document) is { } op)
            {
                Edit(client, op);
            }
        }
        else if (roll < editWeight + 20)
        {
            ServerTakes(client);
        }
        else if (roll < editWeight + 45)
        {
            DeliverEvent(client);
        }
        else if (roll < editWeight + 60)
        {
            DeliverAnswer(client);
        }
        else if (roll < editWeight + 63 && allowDisconnects && client.Online)
        {
            Disconnect(client);
        }
        else if (!client.Online)
        {
            Reconnect(client);
        }
        else
        {
            client.TrySend();
        }
    }

    /// <summary>Everyone online, every message delivered; false when the bound was reached first.</summary>
    public bool Drain(int maxSteps = 100_000)
    {
        foreach (var client in Clients.Where(c => !c.Online))
        {
            Reconnect(client);
        }
        for (var step = 0; step < maxSteps; step++)
        {
            var busy = false;
            foreach (var client in Clients)
            {
                client.TrySend();
                if (client.Outbox.Count > 0)
                {
                    ServerTakes(client);
                    busy = true;
                }
                if (client.Events.Count > 0)
                {
                    DeliverEvent(client);
                    busy = true;
                }
                if (client.Answers.Count > 0)
                {
                    DeliverAnswer(client);
                    busy = true;
                }
            }
            if (!busy)
            {
                return true;
            }
        }
        return false;
    }

    public void ServerTakes(SimulatedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Outbox.Count == 0)
        {
            return;
        }
        var submission = client.Outbox.Dequeue();
        try
        {
            var (ack, change) = Server.Submit(submission);
            if (client.Online)
            {
                client.Answers.Enqueue((submission.Seq, ack));
            }
            if (change is not null)
            {
                foreach (var online in Clients.Where(c => c.Online))
                {
                    online.Events.Enqueue(change);
                }
            }
        }
        catch (RuleViolationException) when (client.Online)
        {
            // Too old a base: the client reloads from a snapshot, rebases, and sends again.
            Resyncs++;
            client.Observe(client.State.Load(Server.Snapshot()));
            client.ForgetSent();
            client.TrySend();
        }
        catch (DomainException exception) when (client.Online)
        {
            client.Observe(client.State.Reject(submission.Seq, exception.Message));
            client.TrySend();
        }
        catch (DomainException)
        {
            // Offline: the refusal is lost with the connection.
        }
    }

    public void DeliverEvent(SimulatedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Events.Count > 0)
        {
            client.Observe(client.State.Receive(client.Events.Dequeue()));
            client.TrySend();
        }
    }

    public void DeliverAnswer(SimulatedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Answers.Count > 0)
        {
            var (seq, ack) = client.Answers.Dequeue();
            client.Observe(client.State.Acknowledge(seq, ack));
            client.TrySend();
        }
    }

    /// <summary>The connection drops: pushed events and answers are lost; what was sent may or may not have reached the server.</summary>
    public void Disconnect(SimulatedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (random.Next(2) == 0)
        {
            client.Online = false;
            while (client.Outbox.Count > 0)
            {
                ServerTakes(client);
            }
        }
        client.Online = false;
        client.Outbox.Clear();
        client.Events.Clear();
        client.Answers.Clear();
    }

    /// <summary>What PlanClient does on reconnect: catch up (learning the in-flight op's fate first when a snapshot is needed), then resend.</summary>
    public void Reconnect(SimulatedClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Reconnects++;
        client.Online = true;
        client.ForgetSent();
        if (Server.Since(client.State.Version) is { } missed)
        {
            foreach (var change in missed)
            {
                client.Observe(client.State.Receive(change));
            }
        }
        else
        {
            Resyncs++;
            if (client.State.InFlight is { } unsure && client.State.InFlightAckedVersion is null)
            {
                try
                {
                    var (ack, change) = Server.Submit(unsure);
                    client.Observe(client.State.Acknowledge(unsure.Seq, ack));
                    if (change is not null)
                    {
                        foreach (var online in Clients.Where(c => c.Online && c != client))
                        {
                            online.Events.Enqueue(change);
                        }
                    }
                }
                catch (RuleViolationException)
                {
                    // Never applied: rebased onto the snapshot below.
                }
            }
            client.Observe(client.State.Load(Server.Snapshot()));
        }
        client.TrySend();
    }
}
