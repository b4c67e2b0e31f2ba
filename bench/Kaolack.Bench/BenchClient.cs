using System.Text.Json;
using Kaolack.Api.Hosting;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Contracts.Wire;
using Kaolack.Grains.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Bench;

/// <summary>
/// One co-editor: its own SignalR connection, its own copy of the section body, and a classic OT client
/// (one op in flight, later local ops composed into a buffer). The server's echo of the in-flight op (in
/// the event stream, which is the server's order) ends the flight and sends the buffer on top of that
/// version. A remote op is transformed over the in-flight op and the buffer with <see cref="Side.Right"/>,
/// and they over it with <see cref="Side.Left"/>, as the server transforms a late op (Left) over what it
/// applied, so every copy converges to the server's.
/// </summary>
internal sealed class BenchClient(int index, string clientId, RunState run)
{
    private readonly Lock gate = new();
    private readonly BlockText text = new();
    private readonly SortedDictionary<long, PlanChange> early = [];
    private readonly List<Submission> submissions = [];
    private List<LiveEvent>? stash = [];
    private HubConnection? connection;
    private long version = -1;
    private Submission? inflight;
    private TextOp? buffer;
    private List<int> bufferIds = [];
    private long seq;
    private long received;
    private int errors;
    private int anomalies;

    public int Index { get; } = index;

    public string ClientId { get; } = clientId;

    /// <summary>(peer, op) pairs seen: remote ops applied here, counted once each.</summary>
    public long Received => Interlocked.Read(ref received);

    public int ErrorCount => Volatile.Read(ref errors);

    public int Anomalies => Volatile.Read(ref anomalies);

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return (inflight is null ? 0 : 1) + (buffer is null ? 0 : 1);
            }
        }
    }

    public string Text
    {
        get
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }

    public IReadOnlyList<Submission> Submissions
    {
        get
        {
            lock (gate)
            {
                return [.. submissions];
            }
        }
    }

    public static HubConnection Connect(Uri baseAddress, string accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/live"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(options => WireJson.Configure(options.PayloadSerializerOptions))
            .Build();

    /// <summary>Connects, subscribes to the plan and loads the body from the catch-up snapshot.</summary>
    public async Task StartAsync(Uri baseAddress, string accessToken, CancellationToken cancellationToken)
    {
        connection = Connect(baseAddress, accessToken);
        connection.On<LiveEvent>("Event", OnEvent);
        await connection.StartAsync(cancellationToken);
        var catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", $"plan:{run.Slug}", (long?)null, cancellationToken);
        lock (gate)
        {
            foreach (var liveEvent in catchUp.Events.OrderBy(e => e.Version))
            {
                Handle(liveEvent);
            }
            var waiting = stash!;
            stash = null;
            foreach (var liveEvent in waiting.OrderBy(e => e.Version))
            {
                Handle(liveEvent);
            }
        }
    }

    /// <summary>A local edit by this client: op <paramref name="g"/> inserted at a seeded random position of the current text.</summary>
    public void Insert(int g, Mulberry32 random, double now)
    {
        lock (gate)
        {
            var position = (int)Math.Floor(random.Next() * (text.Length + 1));
            var inserted = OpIds.Text(g);
            var op = TextOp.InsertAt(position, inserted);
            run.SendTime[g] = now;
            text.Insert(position, inserted);
            if (inflight is null)
            {
                inflight = new Submission([g], op);
                Send(inflight);
            }
            else
            {
                buffer = buffer is null ? op : TextOt.Compose(buffer, op);
                bufferIds.Add(g);
            }
        }
    }

    public async Task StopAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void OnEvent(LiveEvent liveEvent)
    {
        lock (gate)
        {
            if (stash is not null)
            {
                stash.Add(liveEvent);
                return;
            }
            Handle(liveEvent);
        }
    }

    // Holds the gate.
    private void Handle(LiveEvent liveEvent)
    {
        if (liveEvent.Data is not JsonElement data)
        {
            anomalies++;
            return;
        }
        if (liveEvent.Change == ChangeKind.Snapshot)
        {
            var snapshot = data.Deserialize<PlanSnapshot>(run.Json)!;
            if (version >= 0)
            {
                // A resync under load would lose the in-flight state: counted, never expected here.
                anomalies++;
            }
            var section = snapshot.Document.Sections.FirstOrDefault(s => s.Id == run.SectionId);
            text.Reset(section?.Fields.GetValueOrDefault(PlanFields.Body, "") ?? "");
            version = snapshot.Version;
            return;
        }
        Process(data.Deserialize<PlanChange>(run.Json)!);
    }

    private void Process(PlanChange change)
    {
        if (change.Version <= version)
        {
            return;
        }
        if (change.Version > version + 1)
        {
            early[change.Version] = change;
            return;
        }
        Apply(change);
        while (early.TryGetValue(version + 1, out var next))
        {
            early.Remove(next.Version);
            Apply(next);
        }
    }

    private void Apply(PlanChange change)
    {
        version = change.Version;
        if (change.ClientId == ClientId)
        {
            if (inflight is null || change.Seq != inflight.Seq)
            {
                anomalies++;
                return;
            }
            inflight.EchoAt = Clock.NowMs;
            inflight.ServerAtMs = run.Utc.ToMs(change.At);
            inflight.Version = change.Version;
            inflight = null;
            if (buffer is not null)
            {
                inflight = new Submission([.. bufferIds], buffer);
                buffer = null;
                bufferIds = [];
                Send(inflight);
            }
            return;
        }
        var op = change.Op;
        if (op.Type != PlanOpType.Text || op.Id != run.SectionId || op.Field != PlanFields.Body || op.Text is null)
        {
            return;
        }
        var remote = op.Text;
        if (inflight is not null)
        {
            var transformed = TextOt.Transform(remote, inflight.Op, Side.Right);
            inflight.Op = TextOt.Transform(inflight.Op, remote, Side.Left);
            remote = transformed;
        }
        if (buffer is not null)
        {
            var transformed = TextOt.Transform(remote, buffer, Side.Right);
            buffer = TextOt.Transform(buffer, remote, Side.Left);
            remote = transformed;
        }
        text.Apply(remote);
        var now = Clock.NowMs;
        var serverAt = run.Utc.ToMs(change.At);
        var n = run.Schedule.N;
        var row = Index * n;
        OpIds.Parse(op.Text.Components.Where(c => c.IsInsert).Select(c => c.Text!), g =>
        {
            if (g < 0 || g >= n)
            {
                anomalies++;
                return;
            }
            if (double.IsNaN(run.RecvTime[row + g]))
            {
                run.RecvTime[row + g] = now;
                run.ServerAt[g] = serverAt;
                Interlocked.Increment(ref received);
            }
        });
    }

    // Holds the gate. The invocation runs on the thread pool so the scheduler thread never waits on I/O.
    private void Send(Submission submission)
    {
        submission.Seq = ++seq;
        submission.BaseVersion = version;
        submissions.Add(submission);
        var message = new PlanSubmission(ClientId, submission.Seq, version, new PlanOp
        {
            Type = PlanOpType.Text,
            Kind = PlanEntityKind.Section,
            Id = run.SectionId,
            Field = PlanFields.Body,
            Text = submission.Op,
        });
        _ = Task.Run(() => InvokeAsync(submission, message));
    }

    private async Task InvokeAsync(Submission submission, PlanSubmission message)
    {
        submission.InvokeAt = Clock.NowMs;
        try
        {
            var ack = await connection!.InvokeAsync<PlanAck>("SubmitPlanOp", run.Slug, message);
            submission.AckAt = Clock.NowMs;
            submission.AckVersion = ack.Version;
            if (ack.Version is null)
            {
                Interlocked.Increment(ref errors);
                run.Report($"client {Index} seq {submission.Seq}: dropped ({ack.Reason})");
            }
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref errors);
            run.Report($"client {Index} seq {submission.Seq}: {e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>One submission (one or more composed local ops) and its timings on the shared clock.</summary>
internal sealed class Submission(int[] ids, TextOp op)
{
    public int[] Ids { get; } = ids;

    /// <summary>The op as sent, then transformed over remote ops while in flight (client bookkeeping).</summary>
    public TextOp Op { get; set; } = op;

    public long Seq { get; set; }

    public long BaseVersion { get; set; }

    public long? Version { get; set; }

    public long? AckVersion { get; set; }

    public double InvokeAt { get; set; } = double.NaN;

    public double AckAt { get; set; } = double.NaN;

    public double EchoAt { get; set; } = double.NaN;

    public double ServerAtMs { get; set; } = double.NaN;
}
