using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// Reactions (applause, heart…): counted per workshop, so every screen (the presenter's above all) shows them arrive and
/// the summary keeps how the room felt. A participant's reactions are paced (<see cref="ReactionPacing"/>).
/// </summary>
public static class Reactions
{
    public static WorkshopData Add(WorkshopData data, Reaction reaction)
    {
        if (!Enum.IsDefined(reaction))
        {
            throw new ValidationFailedException("reaction", "Réaction inconnue.");
        }
        var index = (int)reaction;
        var counts = new int[Math.Max(data.Reactions.Length, index + 1)];
        data.Reactions.CopyTo(counts, 0);
        counts[index]++;
        return data with { Reactions = counts };
    }

    /// <summary>Every reaction with its count, in the order of <see cref="Reaction"/> (zeros included).</summary>
    public static ReactionCount[] Counts(WorkshopData data) =>
        [.. Enum.GetValues<Reaction>().Select(r => new ReactionCount(r, (int)r < data.Reactions.Length ? data.Reactions[(int)r] : 0))];
}
