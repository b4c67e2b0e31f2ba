using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>
/// Sends a <see cref="PlanClient"/>'s op in flight, one at a time, once per connection epoch, and records the answer. An op
/// refused for its old base ("resync") is rebased on a fresh snapshot and sent again, once.
/// </summary>
internal sealed class PlanSender(PlanClientCore core, HubConnection connection, string planKey)
{
    /// <summary>Ops one run sends before it hands over to a fresh run.</summary>
    private const int MaxOpsPerRun = 10_000;

    private Task? running;
    private long sentSeq = -1;
    private long sentEpoch = -1;
    private long resyncedSeq = -1;

    /// <summary>In-flight ops sent again after a reconnect (with the same seq).</summary>
    public int Resends { get; private set; }

    /// <summary>Takes the gate: the run under way, if any (disposal waits for it).</summary>
    public Task? Running
    {
        get
        {
            lock (core.Gate)
            {
                return running;
            }
        }
    }

    /// <summary>"rule-violation: resync: …": the op's base version is older than the server's window.</summary>
    public static bool IsResync(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message.Contains("rule-violation: resync:", StringComparison.Ordinal);
    }

    /// <summary>Takes the gate: starts a run unless one is under way or nothing may be sent now.</summary>
    public void Kick()
    {
        lock (core.Gate)
        {
            if (running is not null || !core.Online || core.Fault is not null || core.Disposed)
            {
                return;
            }
            running = Task.Run(SendAsync);
        }
    }

    /// <summary>Sends the in-flight op once per connection epoch and records the answer, until nothing is left to send now.</summary>
    private async Task SendAsync()
    {
        for (var run = 0; run < MaxOpsPerRun; run++)
        {
            PlanSubmission submission;
            long myEpoch;
            lock (core.Gate)
            {
                var next = core.State.InFlight;
                if (!core.Online || core.Fault is not null || core.Disposed || next is null || core.State.InFlightAckedVersion is not null
                    || (sentSeq == next.Seq && sentEpoch == core.Epoch))
                {
                    running = null;
                    return;
                }
                if (sentSeq == next.Seq)
                {
                    Resends++;
                }
                (submission, myEpoch, sentSeq, sentEpoch) = (next, core.Epoch, next.Seq, core.Epoch);
            }
            var update = PlanUpdate.None;
            var resync = false;
            try
            {
                var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", planKey, submission);
                lock (core.Gate)
                {
                    update = core.State.Acknowledge(submission.Seq, ack);
                }
            }
            catch (HubException exception) when (IsResync(exception) && resyncedSeq != submission.Seq)
            {
                // Based on a version the server no longer holds: reload and rebase, then resend (once per op).
                resyncedSeq = submission.Seq;
                resync = true;
            }
            catch (HubException exception)
            {
                lock (core.Gate)
                {
                    update = core.State.Reject(submission.Seq, exception.Message);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The connection went away: a reconnect resubscribes and resends.
                GoOfflineIn(myEpoch);
            }
            core.Publish(update);
            if (resync)
            {
                await ReloadAsync(myEpoch);
            }
        }
        lock (core.Gate)
        {
            running = null;
        }
        Kick();
    }

    /// <summary>Reloads the plan from a snapshot (subscribing without a version), rebasing the pending ops onto it.</summary>
    private async Task ReloadAsync(long myEpoch)
    {
        CatchUp catchUp;
        try
        {
            catchUp = await connection.InvokeAsync<CatchUp>("Subscribe", core.Topic, null);
        }
        catch (HubException exception)
        {
            core.Stop(exception);
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            GoOfflineIn(myEpoch);
            return;
        }
        PlanUpdate update;
        lock (core.Gate)
        {
            // A newer (re)subscription took over and applies its own catch-up.
            update = core.Epoch == myEpoch ? core.Apply(catchUp.Events) : PlanUpdate.None;
            // Resend on this connection: the op was not applied (the refusal comes before any duplicate answer).
            sentEpoch = -1;
        }
        core.Publish(update);
    }

    private void GoOfflineIn(long myEpoch)
    {
        lock (core.Gate)
        {
            if (core.Epoch == myEpoch)
            {
                core.Online = false;
            }
        }
    }
}
