using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// Poll rules: created in draft, opened and closed by coaches; one ballot per participant per poll, replaced by a
/// later vote while the poll is open, and none accepted once it is closed.
/// </summary>
public static class Polls
{
    public static WorkshopData Create(WorkshopData data, CreatePoll command)
    {
        WorkshopRules.RequireId("pollId", command.PollId);
        if (data.Polls.Any(p => p.Id == command.PollId))
        {
            throw new EntityExistsException("Le sondage");
        }
        if (data.Polls.Length >= WorkshopRules.MaxPolls)
        {
            throw new RuleViolationException("too-many-polls", $"{WorkshopRules.MaxPolls} sondages au plus.");
        }
        if (!Enum.IsDefined(command.Kind))
        {
            throw new ValidationFailedException("kind", "Attendu : single, multiple ou open.");
        }
        var question = WorkshopRules.RequireText("question", command.Question, WorkshopRules.MaxQuestionLength);
        var options = (command.Options ?? []).Select(o => (o ?? "").Trim()).ToArray();
        if (command.Kind == PollKind.OpenWords ? options.Length != 0 : options.Length is < 2 or > WorkshopRules.MaxOptions)
        {
            throw new ValidationFailedException("options", command.Kind == PollKind.OpenWords
                ? "Une question ouverte n'a pas d'options."
                : $"Entre 2 et {WorkshopRules.MaxOptions} options.");
        }
        if (options.Any(o => o.Length == 0 || o.Length > WorkshopRules.MaxOptionLength) || options.Distinct(StringComparer.Ordinal).Count() != options.Length)
        {
            throw new ValidationFailedException("options", $"Options distinctes et non vides ({WorkshopRules.MaxOptionLength} caractères au plus).");
        }
        return data with { Polls = [.. data.Polls, new Poll(command.PollId, question, command.Kind, options, PollStatus.Draft, false, [])] };
    }

    /// <summary>Draft → open → closed, never back; repeating the current status changes nothing.</summary>
    public static WorkshopData? SetStatus(WorkshopData data, string pollId, PollStatus status)
    {
        var poll = Find(data, pollId);
        if (poll.Status == status)
        {
            return null;
        }
        if (status < poll.Status)
        {
            throw new RuleViolationException("poll-closed", "Un sondage fermé ne rouvre pas.");
        }
        return Replace(data, poll with { Status = status });
    }

    public static WorkshopData? ShowResults(WorkshopData data, string pollId, bool visible)
    {
        var poll = Find(data, pollId);
        return poll.ResultsVisible == visible ? null : Replace(data, poll with { ResultsVisible = visible });
    }

    public static WorkshopData? Vote(WorkshopData data, string participantId, Vote vote)
    {
        var poll = Find(data, vote.PollId);
        if (poll.Status != PollStatus.Open)
        {
            throw poll.Status == PollStatus.Closed
                ? new RuleViolationException("poll-closed", "Ce sondage est fermé : le vote n'est plus possible.")
                : new RuleViolationException("poll-not-open", "Ce sondage n'est pas encore ouvert.");
        }
        var ballot = poll.Kind == PollKind.OpenWords
            ? new Ballot(participantId, [], Words(vote))
            : new Ballot(participantId, Choices(poll, vote), []);
        var previous = poll.Ballots.FirstOrDefault(b => b.ParticipantId == participantId);
        if (previous is not null && previous.Choices.SequenceEqual(ballot.Choices) && previous.Words.SequenceEqual(ballot.Words, StringComparer.Ordinal))
        {
            return null;
        }
        return Replace(data, poll with { Ballots = [.. poll.Ballots.Where(b => b.ParticipantId != participantId), ballot] });
    }

    /// <summary>Ballots per option (choice polls) and per word, most frequent first (open polls): every word, or the <paramref name="maxWords"/> most frequent.</summary>
    public static PollResults Results(Poll poll, int maxWords = int.MaxValue)
    {
        var counts = new int[poll.Options.Length];
        foreach (var choice in poll.Ballots.SelectMany(b => b.Choices))
        {
            counts[choice]++;
        }
        WordCount[] words = [.. poll.Ballots.SelectMany(b => b.Words)
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => new WordCount(g.Key, g.Count()))
            .OrderByDescending(w => w.Count)
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(maxWords)];
        return new PollResults(counts, words);
    }

    private static int[] Choices(Poll poll, Vote vote)
    {
        var choices = (vote.Choices ?? []).Distinct().Order().ToArray();
        if (vote.Words is { Length: > 0 } || choices.Length == 0 || choices.Any(c => c < 0 || c >= poll.Options.Length)
            || (poll.Kind == PollKind.OneChoice && choices.Length != 1))
        {
            throw new ValidationFailedException("choices", poll.Kind == PollKind.OneChoice
                ? "Une seule option, par son numéro."
                : "Au moins une option, par leurs numéros.");
        }
        return choices;
    }

    private static string[] Words(Vote vote)
    {
        var words = (vote.Words ?? []).Select(w => (w ?? "").Trim().ToLowerInvariant()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (vote.Choices is { Length: > 0 } || words.Length is 0 or > WorkshopRules.MaxWords || words.Any(w => w.Length > WorkshopRules.MaxWordLength))
        {
            throw new ValidationFailedException("words", $"De 1 à {WorkshopRules.MaxWords} mots ({WorkshopRules.MaxWordLength} caractères au plus).");
        }
        return words;
    }

    private static Poll Find(WorkshopData data, string? pollId) =>
        data.Polls.FirstOrDefault(p => p.Id == pollId) ?? throw new EntityNotFoundException("Le sondage");

    private static WorkshopData Replace(WorkshopData data, Poll poll) =>
        data with { Polls = [.. data.Polls.Select(p => p.Id == poll.Id ? poll : p)] };
}
