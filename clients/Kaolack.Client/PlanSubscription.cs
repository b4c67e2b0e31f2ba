using Kaolack.Contracts.Live;
using Kaolack.Contracts.Plans;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Client;

/// <summary>
/// Keeps a <see cref="PlanClient"/> subscribed to its plan's topic: (re)subscribes on each connection from the last version
/// seen and applies what was missed, and subscribes again when events arrive with a gap or a snapshot older than the local
/// version is pushed (the server may have gone back). Online once caught up; then the sender may send.
/// </summary>
internal sealed class PlanSubscription(PlanClientCore core, HubConnection connection, string planKey, PlanSender sender)
{
    private Task? repair;

    /// <summary>
    /// (Re)subscribes on the current connection and applies what was missed. A snapshot while an op is in flight first
    /// learns that op's fate by resubmitting it from its old base (the answer when the server has it, a resync refusal
    /// when it does not), so the snapshot is rebased on correctly.
    /// </summary>
    public async Task ResubscribeAsync(CancellationToken cancellationToken)
    {
        long myEpoch;
        long? since;
        lock (core.Gate)
        {
            core.ThrowIfFaulted();
            core.Online = false;
            core.BehindSuspected = false;
            myEpoch = ++core.Epoch;
            since = core.State.IsLoaded ? core.State.Version : null;
        }
        core.Signal();
        var catchUp = await HubCalls.Subscribe(connection, core.Topic, since, cancellationToken);
        var snapshot = catchUp.Events.FirstOrDefault(e => e.Change == ChangeKind.Snapshot);
        PlanSubmission? unsure;
        lock (core.Gate)
        {
            // A server behind us cannot know the op's fate: it lost it, if it ever had it, and it is sent again.
            unsure = snapshot is not null && core.State.IsLoaded && core.State.InFlightAckedVersion is null && catchUp.Version >= core.State.Version
                ? core.State.InFlight
                : null;
        }
        var update = unsure is null ? PlanUpdate.None : await LearnFate(unsure, cancellationToken);
        lock (core.Gate)
        {
            // A newer (re)subscription took over and applies its own catch-up.
            if (core.Epoch == myEpoch)
            {
                update = update.Then(core.ApplyAnswer(catchUp));
                core.Online = core.Fault is null;
            }
        }
        core.Publish(update);
        RepairIfNeeded();
        sender.Kick();
    }

    /// <summary>
    /// Takes the gate: subscribes again, in the background, when events arrived ahead of a missing version, or a snapshot
    /// older than the local version was pushed.
    /// </summary>
    public void RepairIfNeeded()
    {
        lock (core.Gate)
        {
            if (!core.Online || repair is not null || !(core.State.HasGap || core.BehindSuspected) || core.Fault is not null)
            {
                return;
            }
            repair = Task.Run(async () =>
            {
                try
                {
                    await ResubscribeAsync(CancellationToken.None);
                }
                catch (Exception exception) when (exception is not HubException)
                {
                    // Offline again: reconnecting resubscribes.
                }
                catch (HubException exception)
                {
                    core.Stop(exception);
                }
                finally
                {
                    lock (core.Gate)
                    {
                        repair = null;
                    }
                }
            });
        }
    }

    private async Task<PlanUpdate> LearnFate(PlanSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", planKey, submission, cancellationToken);
            lock (core.Gate)
            {
                return core.State.Acknowledge(submission.Seq, ack);
            }
        }
        catch (HubException exception) when (PlanSender.NeverApplied(exception))
        {
            // Refused for its base, too old or ahead of the plan: never applied, so the snapshot rebase keeps it.
            return PlanUpdate.None;
        }
        catch (HubException exception)
        {
            lock (core.Gate)
            {
                return core.State.Reject(submission.Seq, exception.Message);
            }
        }
    }
}
