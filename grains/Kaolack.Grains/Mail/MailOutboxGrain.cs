using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Mail;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;

namespace Kaolack.Grains.Mail;

/// <summary>The e-mails kept for admins when no mail server is configured: the newest <see cref="IMailOutboxGrain.Capacity"/>, in Blob storage.</summary>
public sealed class MailOutboxGrain(
    [PersistentState("outbox", StorageNames.Documents)] IPersistentState<OutboxState> store,
    TimeProvider clock)
    : Grain, IMailOutboxGrain
{
    public async Task<OutboxMessage> Append(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var numbered = message with { Number = store.State.LastNumber + 1, At = clock.GetUtcNow() };
        var kept = store.State.Messages.Length >= IMailOutboxGrain.Capacity
            ? store.State.Messages[(store.State.Messages.Length - IMailOutboxGrain.Capacity + 1)..]
            : store.State.Messages;
        await store.WriteOrRollback(new OutboxState { Messages = [.. kept, numbered], LastNumber = numbered.Number }, DeactivateOnIdle);
        return numbered;
    }

    public Task<OutboxMessage[]> List(Caller caller, int limit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs consultent les messages envoyés.");
        if (limit < 1 || limit > IMailOutboxGrain.Capacity)
        {
            throw new ValidationFailedException("limit", $"Entre 1 et {IMailOutboxGrain.Capacity}.");
        }
        return Task.FromResult<OutboxMessage[]>([.. store.State.Messages.Reverse().Take(limit)]);
    }
}
