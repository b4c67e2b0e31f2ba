using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kaolack.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port: the app sends to it with MailKit exactly as to
/// a production relay, and tests read what it received.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly ConcurrentQueue<MimeMessage> received;

    private TestSmtpServer(int port)
    {
        Port = port;
        received = new ConcurrentQueue<MimeMessage>();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>The settings that send the app's e-mail here (Kaolack:Mail).</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Kaolack:Mail:Smtp:Host"] = "127.0.0.1",
        ["Kaolack:Mail:Smtp:Port"] = $"{Port}",
        ["Kaolack:Mail:Smtp:Security"] = "None",
        ["Kaolack:Mail:From"] = "plateforme@tests.example.org",
    };

    public static TestSmtpServer Start() => new(FreePorts.Take(1)[0]);

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. received];

    /// <summary>Waits (bounded) for a message to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/>; the newest such.</summary>
    public async Task<MimeMessage> WaitFor(string to, string subjectPart, TimeSpan? timeout = null)
    {
        MimeMessage? found = null;
        await Eventually.True(() =>
        {
            found = received.LastOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
                && (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal));
            return found is not null;
        }, $"an e-mail to {to} about \"{subjectPart}\"", timeout);
        return found!;
    }

    /// <summary>The first link to the app in a message's text.</summary>
    public static string LinkIn(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? "";
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+/#/\S+");
        return match.Success ? match.Value : throw new InvalidOperationException($"No link in: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
