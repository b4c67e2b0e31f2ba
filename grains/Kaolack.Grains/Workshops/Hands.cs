using Kaolack.Contracts.Errors;

namespace Kaolack.Grains.Workshops;

/// <summary>The hand-raise queue: first raised, first called; each participant at most once in it.</summary>
public static class Hands
{
    public static WorkshopData? Raise(WorkshopData data, Participant who, DateTimeOffset now) =>
        data.Hands.Any(h => h.ParticipantId == who.Id)
            ? null
            : data with { Hands = [.. data.Hands, new RaisedHand(who.Id, who.DisplayName, now)] };

    /// <summary>Participants lower their own hand; coaches lower anyone's.</summary>
    public static WorkshopData? Lower(WorkshopData data, Participant who, string? participantId)
    {
        var target = participantId ?? who.Id;
        if (target != who.Id && !who.IsCoach)
        {
            throw new AccessDeniedException("Seuls les coachs baissent la main des autres.");
        }
        return data.Hands.Any(h => h.ParticipantId == target)
            ? data with { Hands = [.. data.Hands.Where(h => h.ParticipantId != target)] }
            : null;
    }

    /// <summary>The first hand gets the floor; with an empty queue, nobody speaks any more.</summary>
    public static WorkshopData? CallNext(WorkshopData data)
    {
        if (data.Hands.Length == 0)
        {
            return data.Speaking is null ? null : data with { Speaking = null };
        }
        return data with { Speaking = data.Hands[0], Hands = data.Hands[1..] };
    }
}
