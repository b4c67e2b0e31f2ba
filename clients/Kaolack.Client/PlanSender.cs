using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>
/// Sends a <see cref="PlanClient"/>'s op in flight, one at a time, once per connection epoch, and records the answer. An op
/// refused for its old base ("resync") is rebased on a fresh snapshot and sent again, once; one refused as ahead of the plan
/// (the server lost ops) is rebased on what the server stores. Passing failures ("unavailable", a server fault without a
/// code) and a plan read-only for now keep the op and send it again later, with the same seq: edits are never dropped for them.
/// </summary>
internal sealed class PlanSender(PlanClientCore core, HubConnection connection, string planKey)
{
    /// <summary>Ops one run sends before it hands over to a fresh run.</summary>
    private const int MaxOpsPerRun = 10_000;

    /// <summary>A read-only plan comes back when its log reads again: its grain tries each time it reactivates, within about 30 s.</summary>
    private static readonly TimeSpan ReadOnlyRetry = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource stopping = new();
    private Task? running;
    private long sentSeq = -1;
    private long sentEpoch = -1;
    private long resyncedSeq = -1;
    private int failuresInARow;

    /// <summary>In-flight ops sent again after a reconnect (with the same seq).</summary>
    public int Resends { get; private set; }

    /// <summary>In-flight ops sent again after a passing failure or a read-only refusal.</summary>
    public int Retries { get; private set; }

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

    /// <summary>
    /// Refused for its base version, which the server never applied an op on: too old to transform ("resync"), or ahead of
    /// the plan ("ahead-of-server", the server lost ops). The op is rebased on a snapshot and sent again.
    /// </summary>
    public static bool NeverApplied(HubException exception)
    {
        var refusal = HubRefusal.Of(exception);
        return refusal.IsRule(ErrorCodes.ResyncRule) || refusal.IsRule(ErrorCodes.AheadOfServerRule);
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

    /// <summary>Ends a wait before a retry (disposal).</summary>
    public void Stop() => stopping.Cancel();

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
            var reload = false;
            TimeSpan? retryAfter = null;
            try
            {
                var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", planKey, submission);
                lock (core.Gate)
                {
                    update = core.State.Acknowledge(submission.Seq, ack);
                    core.ReadOnly = false;
                }
                failuresInARow = 0;
            }
            catch (HubException exception)
            {
                var refusal = HubRefusal.Of(exception);
                if (refusal.IsRule(ErrorCodes.AheadOfServerRule) || (refusal.IsRule(ErrorCodes.ResyncRule) && resyncedSeq != submission.Seq))
                {
                    // Based on a version the server no longer holds, or never had: reload and rebase, then resend (a resync once per op).
                    resyncedSeq = submission.Seq;
                    reload = true;
                }
                else if (refusal.IsRule(ErrorCodes.PlanReadOnlyRule))
                {
                    lock (core.Gate)
                    {
                        core.ReadOnly = true;
                    }
                    retryAfter = ReadOnlyRetry;
                }
                else if (refusal.IsPassing)
                {
                    retryAfter = refusal.WaitAfter(++failuresInARow);
                }
                else
                {
                    lock (core.Gate)
                    {
                        update = core.State.Reject(submission.Seq, exception.Message);
                    }
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The connection went away: a reconnect resubscribes and resends.
                GoOfflineIn(myEpoch);
            }
            core.Publish(update);
            if (reload)
            {
                await ReloadAsync(myEpoch);
            }
            else if (retryAfter is { } wait && !await WaitToRetry(wait, myEpoch))
            {
                break;
            }
        }
        lock (core.Gate)
        {
            running = null;
        }
        Kick();
    }

    /// <summary>Waits, then lets the op be sent again on this connection; false when the client stopped meanwhile.</summary>
    private async Task<bool> WaitToRetry(TimeSpan wait, long myEpoch)
    {
        try
        {
            await Task.Delay(wait, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        lock (core.Gate)
        {
            if (core.Epoch == myEpoch)
            {
                sentEpoch = -1;
                Retries++;
            }
        }
        return true;
    }

    /// <summary>Reloads the plan from a snapshot (subscribing without a version), rebasing the pending ops onto it.</summary>
    private async Task ReloadAsync(long myEpoch)
    {
        CatchUp catchUp;
        try
        {
            catchUp = await HubCalls.Subscribe(connection, core.Topic, null, stopping.Token);
        }
        catch (HubException exception)
        {
            core.Stop(exception);
            return;
        }
        catch (OperationCanceledException)
        {
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
            update = core.Epoch == myEpoch ? core.ApplyAnswer(catchUp) : PlanUpdate.None;
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
