using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Mail;

namespace Kaolack.Testing;

/// <summary>The e-mails a host without a mail server kept in its outbox (what the admin page shows), read through the grain.</summary>
public static class Outbox
{
    /// <summary>Waits (bounded) for the newest message of <paramref name="kind"/> to <paramref name="to"/>.</summary>
    public static async Task<OutboxMessage> WaitFor(SiloHost host, string to, MailKind kind)
    {
        ArgumentNullException.ThrowIfNull(host);
        OutboxMessage? found = null;
        await Eventually.True(async () =>
        {
            var messages = await host.Grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key).List(Caller.System, IMailOutboxGrain.Capacity);
            found = messages.FirstOrDefault(m => m.Kind == kind && string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
            return found is not null;
        }, $"a {kind} e-mail to {to} in the outbox");
        return found!;
    }

    /// <summary>The number of the newest message kept (0 when none): what a test waits to see passed.</summary>
    public static async Task<long> LastNumber(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var newest = await host.Grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key).List(Caller.System, 1);
        return newest.Length == 0 ? 0 : newest[0].Number;
    }

    /// <summary>Waits (bounded) for the first message to <paramref name="to"/> numbered after <paramref name="after"/>.</summary>
    public static async Task<OutboxMessage> WaitForNew(SiloHost host, string to, long after)
    {
        ArgumentNullException.ThrowIfNull(host);
        OutboxMessage? found = null;
        await Eventually.True(async () =>
        {
            var messages = await host.Grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key).List(Caller.System, IMailOutboxGrain.Capacity);
            found = messages.LastOrDefault(m => m.Number > after && string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
            return found is not null;
        }, $"an e-mail to {to} in the outbox");
        return found!;
    }

    /// <summary>The token of an account or invitation link ("…/#/verification/{token}?retour=…").</summary>
    public static string TokenOf(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var path = link[(link.IndexOf("#/", StringComparison.Ordinal) + 2)..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segment = (query < 0 ? path : path[..query]).Split('/')[^1];
        return Uri.UnescapeDataString(segment);
    }
}
