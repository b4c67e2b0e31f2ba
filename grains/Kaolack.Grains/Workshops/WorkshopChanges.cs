using System.Collections.Immutable;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// What a workshop's live event carries between the grain and the relays for one stored change: the delta as participants
/// see it and as coaches see it, and the own part (<see cref="WorkshopMine"/>) of each person the change touched. The
/// relay sends each connection <see cref="For"/> its caller: everyone without an own part gets one of the two shared
/// deltas, the same object, so it is serialised once for all of them; only the few whose own ballots, dots or upvotes
/// changed get a delta of their own.
/// </summary>
/// <param name="Coaches">Who coaches the workshop (its coaches' ids; admins coach every workshop).</param>
/// <param name="RemovedGuests">Every guest a coach removed: their connections receive nothing.</param>
[GenerateSerializer, Immutable]
public sealed record WorkshopChanges(
    [property: Id(0)] WorkshopDelta ForParticipants,
    [property: Id(1)] WorkshopDelta ForCoaches,
    [property: Id(2)] string[] Coaches,
    [property: Id(3)] ImmutableDictionary<string, WorkshopMine> Mine,
    [property: Id(4)] string[] RemovedGuests)
{
    /// <summary>The delta as <paramref name="caller"/> receives it, or null when they may receive nothing any more.</summary>
    public WorkshopDelta? For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsGuest && RemovedGuests.Contains(caller.UserId, StringComparer.Ordinal))
        {
            return null;
        }
        var shared = WorkshopAccess.CanCoach(caller, Coaches) ? ForCoaches : ForParticipants;
        return Mine.TryGetValue(caller.UserId, out var mine) ? shared with { Mine = mine } : shared;
    }

    /// <summary>
    /// The event data of the change from <paramref name="before"/> to <paramref name="after"/>, stored as <paramref name="meta"/>:
    /// the changes, or the whole state when the details changed (an edit: rare, and it may change who coaches).
    /// </summary>
    public static object Between(WorkshopData before, WorkshopData after, EntityMeta meta)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(meta);
        if (!ReferenceEquals(before.Details, after.Details) || !ReferenceEquals(before.CoachNames, after.CoachNames) || before.JoinCode != after.JoinCode)
        {
            return new WorkshopSnapshot(meta, after);
        }
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var polls = PollChanges(before, after, touched);
        var (notes, removedNotes, dots) = NoteChanges(before, after, touched);
        var (questions, removedQuestions, upvotes) = QuestionChanges(before, after, touched);
        var present = WorkshopViews.Present(after);
        var forCoaches = new WorkshopDelta
        {
            Phase = Changed(before.Phase, after.Phase),
            CurrentItem = Changed(before.CurrentItem, after.CurrentItem),
            Gathered = Changed(before.Gathered, after.Gathered),
            Timer = before.Timer == after.Timer ? null : WorkshopViews.Timer(after.Timer, meta.UpdatedAt),
            StartedAt = before.StartedAt == after.StartedAt ? null : after.StartedAt,
            EndedAt = before.EndedAt == after.EndedAt ? null : after.EndedAt,
            DotBudget = Changed(before.DotBudget, after.DotBudget),
            Polls = polls.Coaches.Polls,
            Tallies = polls.Coaches.Tallies,
            Columns = Upserts(before.Columns, after.Columns, c => c.Id, WorkshopViews.Column),
            Notes = notes,
            RemovedNotes = removedNotes,
            Dots = dots,
            Questions = questions,
            RemovedQuestions = removedQuestions,
            Upvotes = upvotes,
            Reactions = ReferenceEquals(before.Reactions, after.Reactions) ? null : Reactions.Counts(after),
            Hands = before.Hands.SequenceEqual(after.Hands) && before.Speaking == after.Speaking
                ? null
                : new HandQueue([.. after.Hands.Select(WorkshopViews.Hand)], after.Speaking is { } speaking ? WorkshopViews.Hand(speaking) : null),
            Present = Changed(WorkshopViews.Present(before), present),
            Attendance = NonEmpty([.. Added(before.Attendance, after.Attendance).Select(WorkshopViews.Stay)]),
            Guests = NonEmpty([.. Added(before.Guests, after.Guests).Select(WorkshopViews.Guest)]),
            RemovedGuests = NonEmpty([.. after.RemovedGuests.Except(before.RemovedGuests, StringComparer.Ordinal)]),
        };
        var coachesOnly = forCoaches.Attendance is not null || forCoaches.Guests is not null || forCoaches.RemovedGuests is not null || polls.Differ;
        var forParticipants = coachesOnly
            ? forCoaches with
            {
                Polls = polls.Participants.Polls,
                Tallies = polls.Participants.Tallies,
                Attendance = null,
                Guests = null,
                RemovedGuests = null,
            }
            : forCoaches;
        var mine = touched.ToImmutableDictionary(id => id, id => WorkshopViews.Mine(after, id), StringComparer.Ordinal);
        return new WorkshopChanges(forParticipants, forCoaches, after.Details.Coaches, mine, after.RemovedGuests);
    }

    private sealed record PollParts(PollView[]? Polls, PollTally[]? Tallies);

    /// <summary>Polls added or changed (whole), and those whose ballots alone changed (their tally), as coaches and as participants see them.</summary>
    private static (PollParts Coaches, PollParts Participants, bool Differ) PollChanges(WorkshopData before, WorkshopData after, HashSet<string> touched)
    {
        if (ReferenceEquals(before.Polls, after.Polls))
        {
            return (new(null, null), new(null, null), false);
        }
        var previous = before.Polls.ToDictionary(p => p.Id, StringComparer.Ordinal);
        List<PollView> coachPolls = [], participantPolls = [];
        List<PollTally> coachTallies = [], participantTallies = [];
        var differ = false;
        foreach (var poll in after.Polls)
        {
            previous.TryGetValue(poll.Id, out var old);
            if (ReferenceEquals(old, poll))
            {
                continue;
            }
            BallotsChanged(old?.Ballots ?? [], poll.Ballots, touched);
            differ |= !poll.ResultsVisible;
            if (old is not null && old.Question == poll.Question && old.Kind == poll.Kind && ReferenceEquals(old.Options, poll.Options)
                && old.Status == poll.Status && old.ResultsVisible == poll.ResultsVisible)
            {
                coachTallies.Add(new PollTally(poll.Id, poll.Ballots.Length, WorkshopViews.Results(poll, coach: true)));
                participantTallies.Add(new PollTally(poll.Id, poll.Ballots.Length, WorkshopViews.Results(poll, coach: false)));
            }
            else
            {
                coachPolls.Add(WorkshopViews.Poll(poll, coach: true));
                participantPolls.Add(WorkshopViews.Poll(poll, coach: false));
            }
        }
        return (new(NonEmpty([.. coachPolls]), NonEmpty([.. coachTallies])), new(NonEmpty([.. participantPolls]), NonEmpty([.. participantTallies])), differ);
    }

    private static void BallotsChanged(Ballot[] before, Ballot[] after, HashSet<string> touched)
    {
        var previous = before.ToDictionary(b => b.ParticipantId, StringComparer.Ordinal);
        foreach (var ballot in after)
        {
            if (!previous.Remove(ballot.ParticipantId, out var old) || !ReferenceEquals(old, ballot))
            {
                touched.Add(ballot.ParticipantId);
            }
        }
        touched.UnionWith(previous.Keys);
    }

    /// <summary>Notes added or changed (whole), removed, and those whose dots alone changed; the participants whose own dots changed.</summary>
    private static (NoteView[]? Notes, string[]? Removed, NoteDots[]? Dots) NoteChanges(WorkshopData before, WorkshopData after, HashSet<string> touched)
    {
        if (ReferenceEquals(before.Notes, after.Notes) && ReferenceEquals(before.Dots, after.Dots))
        {
            return (null, null, null);
        }
        var totals = WorkshopViews.DotTotals(after.Dots);
        var previousTotals = WorkshopViews.DotTotals(before.Dots);
        var previous = before.Notes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        List<NoteView> notes = [];
        List<NoteDots> dots = [];
        foreach (var note in after.Notes)
        {
            if (!previous.Remove(note.Id, out var old) || !ReferenceEquals(old, note))
            {
                notes.Add(WorkshopViews.Note(note, totals));
            }
            else if (totals.GetValueOrDefault(note.Id) != previousTotals.GetValueOrDefault(note.Id))
            {
                dots.Add(new NoteDots(note.Id, totals.GetValueOrDefault(note.Id)));
            }
        }
        if (!ReferenceEquals(before.Dots, after.Dots))
        {
            var mine = before.Dots.ToDictionary(d => (d.NoteId, d.ParticipantId), d => d.Count);
            foreach (var dot in after.Dots)
            {
                if (!mine.Remove((dot.NoteId, dot.ParticipantId), out var count) || count != dot.Count)
                {
                    touched.Add(dot.ParticipantId);
                }
            }
            touched.UnionWith(mine.Keys.Select(k => k.ParticipantId));
        }
        return (NonEmpty([.. notes]), NonEmpty([.. previous.Keys]), NonEmpty([.. dots]));
    }

    /// <summary>Questions asked or changed (whole), deleted, and those whose upvotes alone changed; the participants whose upvotes changed.</summary>
    private static (QuestionView[]? Questions, string[]? Removed, QuestionUpvotes[]? Upvotes) QuestionChanges(WorkshopData before, WorkshopData after, HashSet<string> touched)
    {
        if (ReferenceEquals(before.Questions, after.Questions))
        {
            return (null, null, null);
        }
        var previous = before.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        List<QuestionView> questions = [];
        List<QuestionUpvotes> upvotes = [];
        foreach (var question in after.Questions)
        {
            if (!previous.Remove(question.Id, out var old))
            {
                questions.Add(WorkshopViews.Question(question));
                continue;
            }
            if (ReferenceEquals(old, question))
            {
                continue;
            }
            touched.UnionWith(old.Upvoters.Except(question.Upvoters, StringComparer.Ordinal).Concat(question.Upvoters.Except(old.Upvoters, StringComparer.Ordinal)));
            if (old with { Upvoters = question.Upvoters } == question)
            {
                upvotes.Add(new QuestionUpvotes(question.Id, question.Upvoters.Length));
            }
            else
            {
                questions.Add(WorkshopViews.Question(question));
            }
        }
        // A deleted question takes its upvotes with it.
        touched.UnionWith(previous.Values.SelectMany(q => q.Upvoters));
        return (NonEmpty([.. questions]), NonEmpty([.. previous.Keys]), NonEmpty([.. upvotes]));
    }

    /// <summary>Items added or changed (compared by reference: the rules replace only what they change), as views.</summary>
    private static TView[]? Upserts<TItem, TView>(TItem[] before, TItem[] after, Func<TItem, string> key, Func<TItem, TView> view) where TItem : class
    {
        if (ReferenceEquals(before, after))
        {
            return null;
        }
        var previous = before.ToDictionary(key, StringComparer.Ordinal);
        return NonEmpty([.. after.Where(item => !previous.TryGetValue(key(item), out var old) || !ReferenceEquals(old, item)).Select(view)]);
    }

    /// <summary>Items of <paramref name="after"/> that are not in <paramref name="before"/> (by reference): new or replaced.</summary>
    private static IEnumerable<T> Added<T>(T[] before, T[] after) where T : class
    {
        if (ReferenceEquals(before, after))
        {
            return [];
        }
        var previous = before.ToHashSet(ReferenceEqualityComparer.Instance);
        return after.Where(item => !previous.Contains(item));
    }

    private static T? Changed<T>(T before, T after) where T : struct => EqualityComparer<T>.Default.Equals(before, after) ? null : after;

    private static T[]? NonEmpty<T>(T[] items) => items.Length == 0 ? null : items;
}
