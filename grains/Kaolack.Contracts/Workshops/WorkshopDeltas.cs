using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// How a client follows a workshop: a <see cref="WorkshopDelta"/> applied to the <see cref="WorkshopView"/> it holds gives
/// the view at the delta's version, exactly as a snapshot would show it then (the server's tests check this for every
/// kind of change). Used by the .NET tests and the benchmark; the web client does the same in web/src/workshop/deltas.ts.
/// </summary>
public static class WorkshopDeltas
{
    /// <summary>The view at <paramref name="version"/>, stored at <paramref name="at"/>: <paramref name="view"/> with <paramref name="delta"/> applied.</summary>
    public static WorkshopView Apply(WorkshopView view, WorkshopDelta delta, long version, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(delta);
        var polls = Upsert(view.Polls, delta.Polls, p => p.Id);
        if (delta.Tallies is { } tallies)
        {
            var byPoll = tallies.ToDictionary(t => t.PollId, StringComparer.Ordinal);
            polls = [.. polls.Select(p => byPoll.TryGetValue(p.Id, out var t) ? p with { Voters = t.Voters, Results = t.Results } : p)];
        }
        var notes = Remove(Upsert(view.Notes, delta.Notes, n => n.Id), delta.RemovedNotes, n => n.Id);
        if (delta.Dots is { } dots)
        {
            var byNote = dots.ToDictionary(d => d.NoteId, StringComparer.Ordinal);
            notes = [.. notes.Select(n => byNote.TryGetValue(n.Id, out var d) ? n with { Dots = d.Dots } : n)];
        }
        var questions = Remove(Upsert(view.Questions, delta.Questions, q => q.Id), delta.RemovedQuestions, q => q.Id);
        if (delta.Upvotes is { } upvotes)
        {
            var byQuestion = upvotes.ToDictionary(u => u.QuestionId, StringComparer.Ordinal);
            questions = [.. questions.Select(q => byQuestion.TryGetValue(q.Id, out var u) ? q with { Upvotes = u.Upvotes } : q)];
        }
        return view with
        {
            Meta = new EntityMeta(view.Meta.Slug, version, view.Meta.CreatedAt, at),
            Phase = delta.Phase ?? view.Phase,
            CurrentItem = delta.CurrentItem ?? view.CurrentItem,
            Gathered = delta.Gathered ?? view.Gathered,
            Timer = delta.Timer ?? view.Timer,
            StartedAt = delta.StartedAt ?? view.StartedAt,
            EndedAt = delta.EndedAt ?? view.EndedAt,
            DotBudget = delta.DotBudget ?? view.DotBudget,
            Polls = polls,
            Columns = Upsert(view.Columns, delta.Columns, c => c.Id),
            Notes = notes,
            Questions = questions,
            Reactions = delta.Reactions ?? view.Reactions,
            Hands = delta.Hands?.Hands ?? view.Hands,
            Speaking = delta.Hands is { } hands ? hands.Speaking : view.Speaking,
            Present = delta.Present ?? view.Present,
            Attendance = Upsert(view.Attendance, delta.Attendance, s => $"{s.ParticipantId}@{s.JoinedAt.UtcTicks}"),
            Guests = Remove(Upsert(view.Guests, delta.Guests, g => g.ParticipantId), delta.RemovedGuests, g => g.ParticipantId),
            Mine = delta.Mine ?? view.Mine,
        };
    }

    /// <summary>The dots the viewer may still place: the budget less those placed (never below zero).</summary>
    public static int DotsLeft(WorkshopView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Math.Max(view.DotBudget - view.Mine.Dots.Sum(d => d.Count), 0);
    }

    /// <summary>Items replaced in place by key; new ones appended in the delta's order.</summary>
    private static T[] Upsert<T>(T[] items, T[]? changes, Func<T, string> key)
    {
        if (changes is null)
        {
            return items;
        }
        var byKey = changes.ToDictionary(key, StringComparer.Ordinal);
        var known = items.Select(key).ToHashSet(StringComparer.Ordinal);
        return [.. items.Select(item => byKey.TryGetValue(key(item), out var changed) ? changed : item), .. changes.Where(c => !known.Contains(key(c)))];
    }

    private static T[] Remove<T>(T[] items, string[]? removed, Func<T, string> key) =>
        removed is null ? items : [.. items.Where(item => !removed.Contains(key(item), StringComparer.Ordinal))];
}
