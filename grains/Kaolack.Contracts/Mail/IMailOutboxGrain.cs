using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Mail;

/// <summary>
/// The e-mails the platform would have sent, kept for admins (key <see cref="Key"/>) when no mail server is configured,
/// so that running it never depends on one. Holds the newest <see cref="Capacity"/>.
/// </summary>
public interface IMailOutboxGrain : IGrainWithStringKey
{
    public const string Key = "outbox";

    public const int Capacity = 500;

    /// <summary>Stores the message (numbered in order) and answers once it is durable.</summary>
    Task<OutboxMessage> Append(OutboxMessage message);

    /// <summary>Admins only: the newest first, at most <paramref name="limit"/> (1–<see cref="Capacity"/>).</summary>
    [ReadOnly]
    Task<OutboxMessage[]> List(Caller caller, int limit);
}
