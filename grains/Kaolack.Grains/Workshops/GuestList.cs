using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// Guests let in by the join code: at most <see cref="WorkshopRules.MaxGuests"/> at a time, and a coach may remove one
/// (abuse, a mistaken name). A removed guest's votes, dots, upvotes and hand go with them; their notes and questions
/// stay for the coach to delete one by one. Their session ends, and their open connections receive nothing more.
/// </summary>
public static class GuestList
{
    /// <summary>Admissions ever, removed guests included: a removed guest's place is freed, but not without end.</summary>
    public const int MaxAdmissions = WorkshopRules.MaxGuests * 2;

    public static WorkshopData Admit(WorkshopData data, Guest guest)
    {
        if (data.Phase == WorkshopPhase.Ended)
        {
            throw new RuleViolationException("session-ended", "Cet atelier est terminé.");
        }
        if (data.Guests.Length >= WorkshopRules.MaxGuests || data.Guests.Length + data.RemovedGuests.Length >= MaxAdmissions)
        {
            throw new RuleViolationException("too-many-guests", $"{WorkshopRules.MaxGuests} invités au plus.");
        }
        return data with { Guests = [.. data.Guests, guest] };
    }

    public static WorkshopData Remove(WorkshopData data, string? participantId, DateTimeOffset now)
    {
        var guest = data.Guests.FirstOrDefault(g => g.Id == participantId) ?? throw new EntityNotFoundException("L'invité");
        var id = guest.Id;
        return data with
        {
            Guests = [.. data.Guests.Where(g => g.Id != id)],
            RemovedGuests = [.. data.RemovedGuests, id],
            Attendance = [.. data.Attendance.Select(s => s.ParticipantId == id && s.LeftAt is null ? s with { LeftAt = now } : s)],
            Hands = [.. data.Hands.Where(h => h.ParticipantId != id)],
            Speaking = data.Speaking?.ParticipantId == id ? null : data.Speaking,
            Polls = [.. data.Polls.Select(p => p.Ballots.Any(b => b.ParticipantId == id) ? p with { Ballots = [.. p.Ballots.Where(b => b.ParticipantId != id)] } : p)],
            Dots = [.. data.Dots.Where(d => d.ParticipantId != id)],
            Questions = [.. data.Questions.Select(q => q.Upvoters.Contains(id, StringComparer.Ordinal) ? q with { Upvoters = [.. q.Upvoters.Where(u => u != id)] } : q)],
        };
    }
}
