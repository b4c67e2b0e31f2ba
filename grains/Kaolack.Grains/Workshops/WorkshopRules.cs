using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Accounts;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The workshop's rules as pure functions: validating details, and applying one live command to the state. Each
/// returns the next state, or null when the command changes nothing (no version is spent). Refusals throw before
/// anything changes: <see cref="AccessDeniedException"/> for a participant sending a coach command,
/// <see cref="RuleViolationException"/> for a command the session's state does not allow, and
/// <see cref="ValidationFailedException"/> for malformed input.
/// </summary>
public static class WorkshopRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxAgendaItems = 50;
    public const int MaxCoaches = 10;
    public const int MaxPolls = 50;
    public const int MaxOptions = 10;
    public const int MaxOptionLength = 100;
    public const int MaxQuestionLength = 300;
    public const int MaxWords = 3;
    public const int MaxWordLength = 40;
    public const int MaxColumns = 10;
    public const int MaxColumnTitleLength = 60;
    public const int MaxNotes = 500;
    public const int MaxNoteLength = 280;
    public const int MaxDotBudget = 20;
    public const int MaxGuests = 500;
    public const int MaxQuestions = 300;
    public const int MaxQuestionTextLength = 280;
    public const int MaxDisplayNameLength = 60;
    public const int MaxStays = 2000;

    public static WorkshopDetails Normalize(WorkshopDetails details) => details with
    {
        Title = (details.Title ?? "").Trim(),
        Description = (details.Description ?? "").Trim(),
        ProjectSlug = string.IsNullOrWhiteSpace(details.ProjectSlug) ? null : details.ProjectSlug.Trim(),
        StartsAt = details.StartsAt.ToUniversalTime(),
        Agenda = [.. (details.Agenda ?? []).Select(item => item with { Title = (item?.Title ?? "").Trim() })],
        Coaches = [.. (details.Coaches ?? []).Select(AccountRules.NormalizeEmail).Distinct(StringComparer.Ordinal)],
    };

    public static void Validate(WorkshopDetails details)
    {
        var v = new Validation();
        v.Required("title", details.Title, MaxTitleLength);
        v.MaxLength("description", details.Description, MaxDescriptionLength);
        if (details.ProjectSlug is { } slug && !Slug.IsValid(slug))
        {
            v.Add("projectSlug", "Identifiant de projet invalide.");
        }
        v.Range("durationMinutes", details.DurationMinutes, 5, 600);
        if (details.Agenda.Length > MaxAgendaItems)
        {
            v.Add("agenda", $"{MaxAgendaItems} points au plus.");
        }
        for (var i = 0; i < details.Agenda.Length && i < MaxAgendaItems; i++)
        {
            v.Required($"agenda[{i}].title", details.Agenda[i].Title, MaxTitleLength);
            v.Range($"agenda[{i}].plannedMinutes", details.Agenda[i].PlannedMinutes, 1, 600);
        }
        if (details.Coaches.Length > MaxCoaches)
        {
            v.Add("coaches", $"{MaxCoaches} coachs au plus.");
        }
        for (var i = 0; i < details.Coaches.Length; i++)
        {
            if (!Validation.IsEmail(details.Coaches[i]))
            {
                v.Add($"coaches[{i}]", "Adresse e-mail invalide.");
            }
        }
        v.ThrowIfInvalid();
    }

    /// <summary>A new workshop: the creator heads its coaches (their names are the grain's to read).</summary>
    public static WorkshopData Create(WorkshopDetails details, string creatorId, string joinCode) => new()
    {
        Details = details with { Coaches = [creatorId, .. details.Coaches.Where(c => c != creatorId)] },
        JoinCode = joinCode,
    };

    /// <summary>What the workshop is prepared with: its details but for date, people and project, its polls as asked, its columns.</summary>
    public static WorkshopOutline Outline(WorkshopData data) => new(
        data.Details.Title,
        data.Details.Description,
        data.Details.DurationMinutes,
        data.Details.Agenda,
        data.Details.Anonymous,
        [.. data.Polls.Select(p => new PreparedPoll(p.Question, p.Kind, p.Options))],
        [.. data.Columns.Select(c => c.Title)]);

    /// <summary>A new workshop given an outline's polls (as drafts) and columns, under fresh ids, checked as the commands would be.</summary>
    public static WorkshopData Prepare(WorkshopData data, WorkshopOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var polls = outline.Polls ?? [];
        var columns = outline.Columns ?? [];
        for (var i = 0; i < polls.Length; i++)
        {
            data = Polls.Create(data, new CreatePoll($"sondage-{i + 1}", polls[i].Question, polls[i].Kind, polls[i].Options));
        }
        for (var i = 0; i < columns.Length; i++)
        {
            data = Board.AddColumn(data, new AddColumn($"colonne-{i + 1}", columns[i]));
        }
        return data;
    }

    /// <summary>New details; the agenda may change only while it does not pull the current item away.</summary>
    public static WorkshopData Update(WorkshopData data, WorkshopDetails details)
    {
        var coaches = data.Details.Coaches[0];
        return data with
        {
            Details = details with { Coaches = [coaches, .. details.Coaches.Where(c => c != coaches)] },
            CurrentItem = Math.Min(data.CurrentItem, Math.Max(details.Agenda.Length - 1, 0)),
        };
    }

    public static string NormalizeDisplayName(string? displayName)
    {
        var name = string.Join(' ', (displayName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0 || name.Length > MaxDisplayNameLength)
        {
            throw new ValidationFailedException("displayName", $"Nom attendu ({MaxDisplayNameLength} caractères au plus).");
        }
        return name;
    }

    /// <summary>Applies <paramref name="command"/> sent by <paramref name="who"/> at <paramref name="now"/>.</summary>
    public static WorkshopData? Apply(WorkshopData data, Participant who, WorkshopCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!WorkshopCommand.IsParticipantCommand(command) && !who.IsCoach)
        {
            throw new AccessDeniedException("Seuls les coachs de l'atelier peuvent faire cela.");
        }
        return command switch
        {
            JoinSession => Join(data, who, now),
            LeaveSession => Leave(data, who.Id, now),
            StartSession => Start(data, now),
            EndSession => End(data, now),
            NextItem => GoTo(Live(data), data.CurrentItem + 1, gather: false),
            PreviousItem => GoTo(Live(data), data.CurrentItem - 1, gather: false),
            BringEveryoneTo bring => GoTo(Live(data), bring.Index, gather: true),
            StartTimer start => Live(data) with { Timer = SessionTimers.Start(TimerSpan(start.Seconds, positive: true), now) },
            PauseTimer => SessionTimers.Pause(Live(data).Timer, now) is { } paused ? data with { Timer = paused } : null,
            ResumeTimer => SessionTimers.Resume(Live(data).Timer, now) is { } resumed ? data with { Timer = resumed } : null,
            ExtendTimer extend => Live(data) with { Timer = SessionTimers.Extend(data.Timer, TimerSpan(extend.Seconds, positive: false), now) },
            CreatePoll poll => Polls.Create(NotEnded(data), poll),
            OpenPoll open => Polls.SetStatus(Live(data), open.PollId, PollStatus.Open),
            ClosePoll close => Polls.SetStatus(Live(data), close.PollId, PollStatus.Closed),
            ShowPollResults show => Polls.ShowResults(NotEnded(data), show.PollId, show.Visible),
            Vote vote => Polls.Vote(Live(data), who.Id, vote),
            AddColumn column => Board.AddColumn(NotEnded(data), column),
            AddNote note => Board.AddNote(Live(data), who, note),
            MoveNote move => Board.Move(NotEnded(data), move),
            GroupNote group => Board.Group(NotEnded(data), group),
            MergeNote merge => Board.Merge(NotEnded(data), merge),
            SetDotBudget budget => Board.SetBudget(NotEnded(data), budget.PerPerson),
            AddDot dot => Board.AddDot(Live(data), who.Id, dot.NoteId),
            RemoveDot dot => Board.RemoveDot(Live(data), who.Id, dot.NoteId),
            RaiseHand => Hands.Raise(Live(data), who, now),
            LowerHand lower => Hands.Lower(Live(data), who, lower.ParticipantId),
            CallNextHand => Hands.CallNext(Live(data)),
            DeleteNote delete => Board.Delete(NotEnded(data), delete.NoteId),
            AskQuestion ask => Questions.Ask(Live(data), who, ask, now),
            UpvoteQuestion upvote => Questions.Upvote(Live(data), who.Id, upvote),
            MarkQuestionAnswered answered => Questions.MarkAnswered(NotEnded(data), answered),
            DeleteQuestion delete => Questions.Delete(NotEnded(data), delete.QuestionId),
            React react => Reactions.Add(Live(data), react.Reaction),
            RemoveGuest remove => GuestList.Remove(data, remove.ParticipantId, now),
            _ => throw new ValidationFailedException("type", "Commande inconnue."),
        };
    }

    /// <summary>The session closes: polls close, the timer stops, everyone still there leaves now.</summary>
    public static WorkshopData End(WorkshopData data, DateTimeOffset now)
    {
        Live(data);
        return data with
        {
            Phase = WorkshopPhase.Ended,
            EndedAt = now,
            Timer = SessionTimers.Pause(data.Timer, now) ?? data.Timer,
            Polls = [.. data.Polls.Select(p => p.Status == PollStatus.Open ? p with { Status = PollStatus.Closed } : p)],
            Attendance = [.. data.Attendance.Select(s => s.LeftAt is null ? s with { LeftAt = now } : s)],
            Hands = [],
            Speaking = null,
        };
    }

    /// <summary>Requires the session to be live.</summary>
    public static WorkshopData Live(WorkshopData data) => data.Phase switch
    {
        WorkshopPhase.Live => data,
        WorkshopPhase.Scheduled => throw new RuleViolationException("session-not-started", "La séance n'a pas commencé."),
        _ => throw new RuleViolationException("session-ended", "La séance est terminée."),
    };

    private static WorkshopData NotEnded(WorkshopData data) => data.Phase == WorkshopPhase.Ended
        ? throw new RuleViolationException("session-ended", "La séance est terminée.")
        : data;

    private static WorkshopData Start(WorkshopData data, DateTimeOffset now) => data.Phase switch
    {
        WorkshopPhase.Scheduled => data with { Phase = WorkshopPhase.Live, StartedAt = now, CurrentItem = 0, Gathered = data.Gathered + 1 },
        WorkshopPhase.Live => throw new RuleViolationException("session-started", "La séance a déjà commencé."),
        _ => throw new RuleViolationException("session-ended", "La séance est terminée."),
    };

    private static WorkshopData GoTo(WorkshopData data, int index, bool gather)
    {
        if (index < 0 || index >= Math.Max(data.Details.Agenda.Length, 1))
        {
            throw new RuleViolationException("agenda-bounds", "Ce point n'existe pas dans l'ordre du jour.");
        }
        return data with { CurrentItem = index, Gathered = gather ? data.Gathered + 1 : data.Gathered };
    }

    private static TimeSpan TimerSpan(int seconds, bool positive)
    {
        var max = (int)SessionTimers.MaxDuration.TotalSeconds;
        if ((positive && seconds <= 0) || Math.Abs((long)seconds) > max)
        {
            throw new ValidationFailedException("seconds", positive ? $"Durée entre 1 et {max} secondes." : $"{max} secondes au plus.");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static WorkshopData? Join(WorkshopData data, Participant who, DateTimeOffset now)
    {
        NotEnded(data);
        if (data.Attendance.Any(s => s.ParticipantId == who.Id && s.LeftAt is null))
        {
            return null;
        }
        if (data.Attendance.Length >= MaxStays)
        {
            throw new RuleViolationException("attendance-full", "Trop d'entrées dans la feuille de présence.");
        }
        return data with { Attendance = [.. data.Attendance, new Stay(who.Id, who.DisplayName, who.IsGuest, now, null)] };
    }

    private static WorkshopData? Leave(WorkshopData data, string participantId, DateTimeOffset now)
    {
        if (!data.Attendance.Any(s => s.ParticipantId == participantId && s.LeftAt is null))
        {
            return null;
        }
        // A raised hand stays up: a reload or a dropped link must not send the person to the back of the queue.
        return data with
        {
            Attendance = [.. data.Attendance.Select(s => s.ParticipantId == participantId && s.LeftAt is null ? s with { LeftAt = now } : s)],
        };
    }

    internal static void RequireId(string field, string? id)
    {
        if (!PlanRules.IsId(id))
        {
            throw new ValidationFailedException(field, "Identifiant attendu : lettres, chiffres, - et _.");
        }
    }

    internal static string RequireText(string field, string? text, int maxLength)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > maxLength)
        {
            throw new ValidationFailedException(field, $"Texte attendu ({maxLength} caractères au plus).");
        }
        return trimmed;
    }
}
