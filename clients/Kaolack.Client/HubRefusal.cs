using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Client;

/// <summary>
/// What a hub error says, as the server writes it (HubErrors): a code first, then for a rule violation its rule
/// ("rule-violation: resync: …"), for a passing failure the seconds to wait ("unavailable: 2: …"). An error without a code
/// (a server fault SignalR reports generically) has none.
/// </summary>
internal sealed record HubRefusal(string? Code, string? Rule, TimeSpan? RetryAfter)
{
    private const string Marker = "HubException: ";

    public const string RuleViolation = "rule-violation";

    public const string Unavailable = "unavailable";

    public static HubRefusal Of(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var marker = message.LastIndexOf(Marker, StringComparison.Ordinal);
        var text = marker < 0 ? message : message[(marker + Marker.Length)..];
        var (code, rest) = Split(text);
        return code switch
        {
            null => new HubRefusal(null, null, null),
            RuleViolation => new HubRefusal(code, Split(rest).Head, null),
            Unavailable when int.TryParse(Split(rest).Head, out var seconds) => new HubRefusal(code, null, TimeSpan.FromSeconds(seconds)),
            _ => new HubRefusal(code, null, null),
        };
    }

    /// <summary>Waits after passing failures without a time given, by how many came in a row (the last one repeats).</summary>
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public bool IsRule(string rule) => Code == RuleViolation && Rule == rule;

    /// <summary>Not a refusal but a passing failure: "unavailable" (fail-over, a timeout, storage), or a server fault without a code.</summary>
    public bool IsPassing => Code is null or Unavailable;

    /// <summary>How long to wait before trying again after the <paramref name="failuresInARow"/>-th passing failure in a row (from 1).</summary>
    public TimeSpan WaitAfter(int failuresInARow) => RetryAfter ?? Backoff[Math.Clamp(failuresInARow - 1, 0, Backoff.Length - 1)];

    /// <summary>"code: rest", the code in lower-case words joined by hyphens (or digits: the seconds of "unavailable").</summary>
    private static (string? Head, string Tail) Split(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return (null, text);
        }
        var head = text[..colon];
        return head.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? (head, text[(colon + 2)..]) : (null, text);
    }
}
