using System.Globalization;
using System.Text;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The summary of a session: one <see cref="WorkshopSummary"/> (agenda, who came, poll results, the board with its
/// clusters and dots, the questions, reactions, the shared notes), shown by the printable page and written out as Markdown
/// for people and CSV for spreadsheets (one row per fact: section, subject, detail, value). Results are always complete
/// here: the summary is for coaches and for the project's record. Times are given for Dakar and Oujda; people by name.
/// </summary>
public static class WorkshopSummaries
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <param name="coachNames">The coaches' names, in the order of the details' coaches.</param>
    /// <param name="project">The linked project, when the reader may read it.</param>
    public static WorkshopSummary Of(string id, WorkshopData data, PlanDocument notes, string[] coachNames, SummaryProject? project)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(notes);
        var details = data.Details;
        var dots = WorkshopViews.DotTotals(data.Dots);
        return new WorkshopSummary(
            id,
            details.Title,
            details.Description,
            details.StartsAt,
            details.DurationMinutes,
            data.Phase,
            data.StartedAt,
            data.EndedAt,
            coachNames,
            project,
            details.Anonymous,
            details.Agenda,
            People(data),
            [.. data.Polls.Select(p => new SummaryPoll(p.Question, p.Kind, p.Status, p.Ballots.Length, Rows(p)))],
            [.. data.Columns.Select(c => new SummaryColumn(c.Title, [.. data.Notes
                .Where(n => n.ColumnId == c.Id)
                .OrderByDescending(n => dots.GetValueOrDefault(n.Id))
                .Select(n => new SummaryNote(n.Text, n.AuthorName, n.Group, dots.GetValueOrDefault(n.Id)))]))],
            [.. data.Questions.OrderByDescending(q => q.Upvoters.Length).ThenBy(q => q.AskedAt)
                .Select(q => new SummaryQuestion(q.Text, q.AuthorName, q.Upvoters.Length, q.Answered))],
            Reactions.Counts(data),
            [.. Sections(notes)]);
    }

    public static string Markdown(WorkshopSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline(summary.Title)).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Prévu : {BothZones(summary.StartsAt)} ({summary.DurationMinutes} min)");
        if (summary.StartedAt is { } started)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Tenu : {Held(started, summary.EndedAt)}");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"- Coachs : {Inline(string.Join(", ", summary.Coaches))}");
        if (summary.Project is { } project)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Projet : {Inline(project.Title)} (/#/projets/{project.Slug})");
        }
        if (summary.Anonymous)
        {
            md.AppendLine("- Mode anonyme : les idées et les questions ne portent pas de nom.");
        }
        if (summary.Description.Length > 0)
        {
            md.AppendLine().AppendLine(Block(summary.Description));
        }

        md.AppendLine().AppendLine("## Ordre du jour").AppendLine();
        for (var i = 0; i < summary.Agenda.Length; i++)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {Inline(summary.Agenda[i].Title)} ({summary.Agenda[i].PlannedMinutes} min)");
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Participation ({summary.People.Length} personnes)").AppendLine();
        md.AppendLine("| Nom | Invité | Arrivée | Départ | Minutes |").AppendLine("|---|---|---|---|---|");
        foreach (var person in summary.People)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Inline(person.Name)} | {(person.Guest ? "oui" : "non")} | {Times(person.ArrivedAt)} | {(person.LeftAt is { } left ? Times(left) : "—")} | {person.Minutes} |");
        }

        md.AppendLine().AppendLine("## Sondages");
        foreach (var poll in summary.Polls)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {Inline(poll.Question)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{poll.Voters} votant(s), sondage {Status(poll.Status)}.").AppendLine();
            foreach (var row in poll.Rows)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Inline(row.Label)} : {row.Count}");
            }
        }

        md.AppendLine().AppendLine("## Tableau d'idées");
        foreach (var column in summary.Board)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {Inline(column.Title)}").AppendLine();
            foreach (var note in column.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"- {Inline(note.Text)} — {note.Dots} gommette(s){(note.Group is { } g ? $" [{Inline(g)}]" : "")}{(note.Author is { } a ? $" ({Inline(a)})" : "")}");
            }
        }

        if (summary.Questions.Length > 0)
        {
            md.AppendLine().AppendLine("## Questions").AppendLine();
            foreach (var question in summary.Questions)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"- {Inline(question.Text)} — {question.Upvotes} vote(s){(question.Answered ? ", répondue" : "")}{(question.Author is { } a ? $" ({Inline(a)})" : "")}");
            }
        }

        if (summary.Reactions.Any(r => r.Count > 0))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"Réactions : {string.Join(", ", summary.Reactions.Where(r => r.Count > 0).Select(r => $"{ReactionName(r.Reaction)} {r.Count}"))}");
        }

        if (summary.Notes.Length > 0)
        {
            md.AppendLine().AppendLine("## Notes");
            foreach (var section in summary.Notes)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {Inline(section.Heading)}").AppendLine().AppendLine(Block(section.Body));
            }
        }
        return md.ToString();
    }

    /// <summary>RFC 4180 rows; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.</summary>
    public static string Csv(WorkshopSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new StringBuilder();
        void Row(string section, string subject, string detail, string value) =>
            csv.Append(Field(section)).Append(',').Append(Field(subject)).Append(',').Append(Field(detail)).Append(',').Append(Field(value)).Append("\r\n");

        Row("section", "subject", "detail", "value");
        Row("workshop", summary.Title, "starts-at", Instant(summary.StartsAt));
        Row("workshop", summary.Title, "duration-minutes", summary.DurationMinutes.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < summary.Agenda.Length; i++)
        {
            Row("agenda", $"{i + 1}. {summary.Agenda[i].Title}", "planned-minutes", summary.Agenda[i].PlannedMinutes.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var person in summary.People)
        {
            Row("attendance", person.Name, person.Guest ? "guest" : "account", $"{Instant(person.ArrivedAt)} – {(person.LeftAt is { } left ? Instant(left) : "")}");
        }
        foreach (var poll in summary.Polls)
        {
            foreach (var row in poll.Rows)
            {
                Row("poll", poll.Question, row.Label, row.Count.ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var column in summary.Board)
        {
            foreach (var note in column.Notes)
            {
                Row("board", column.Title, note.Text, note.Dots.ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var question in summary.Questions)
        {
            Row("question", question.Text, question.Answered ? "answered" : "open", question.Upvotes.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var section in summary.Notes)
        {
            Row("notes", section.Heading, "", section.Body);
        }
        return csv.ToString();
    }

    /// <summary>The line the linked project's activity log receives when the session ends: counts, and the summary page's path.</summary>
    public static string ActivityText(string workshopId, WorkshopData data) =>
        $"Atelier « {data.Details.Title} » terminé : {People(data).Length} participant(s), {data.Polls.Length} sondage(s), " +
        $"{data.Notes.Length} idée(s), {data.Questions.Length} question(s). Compte rendu : /#/ateliers/{workshopId}/compte-rendu";

    /// <summary>"12/06/2026 10:00 à Dakar · 11:00 à Oujda".</summary>
    public static string BothZones(DateTimeOffset at)
    {
        var dakar = TimeZoneInfo.ConvertTime(at, SessionZones.Dakar);
        return $"{dakar.ToString("dd/MM/yyyy", French)} {Times(at)}";
    }

    /// <summary>"12/06/2026, 10:00–11:32 à Dakar · 11:00–12:32 à Oujda", or "…, depuis 10:00 à Dakar · 11:00 à Oujda" while it runs.</summary>
    public static string Held(DateTimeOffset started, DateTimeOffset? ended)
    {
        string Span(TimeZoneInfo zone) => ended is { } end
            ? $"{TimeZoneInfo.ConvertTime(started, zone).ToString("HH:mm", French)}–{TimeZoneInfo.ConvertTime(end, zone).ToString("HH:mm", French)}"
            : TimeZoneInfo.ConvertTime(started, zone).ToString("HH:mm", French);
        var day = TimeZoneInfo.ConvertTime(started, SessionZones.Dakar).ToString("dd/MM/yyyy", French);
        return $"{day}, {(ended is null ? "depuis " : "")}{Span(SessionZones.Dakar)} à Dakar · {Span(SessionZones.Oujda)} à Oujda";
    }

    /// <summary>"10:00 à Dakar · 11:00 à Oujda".</summary>
    public static string Times(DateTimeOffset at) =>
        $"{TimeZoneInfo.ConvertTime(at, SessionZones.Dakar).ToString("HH:mm", French)} à Dakar · {TimeZoneInfo.ConvertTime(at, SessionZones.Oujda).ToString("HH:mm", French)} à Oujda";

    /// <summary>Everyone who came, once, by first arrival; their time present over every stay (an open stay counts up to the end, if any).</summary>
    private static SummaryPerson[] People(WorkshopData data) =>
        [.. data.Attendance
            .GroupBy(s => s.ParticipantId, StringComparer.Ordinal)
            .Select(stays =>
            {
                var first = stays.MinBy(s => s.JoinedAt)!;
                var open = stays.Any(s => s.LeftAt is null);
                var minutes = stays.Sum(s => ((s.LeftAt ?? data.EndedAt ?? s.JoinedAt) - s.JoinedAt).TotalMinutes);
                return new SummaryPerson(stays.Last().DisplayName, first.Guest, first.JoinedAt, open ? null : stays.Max(s => s.LeftAt), (int)Math.Round(minutes));
            })
            .OrderBy(p => p.ArrivedAt)];

    private static SummaryRow[] Rows(Poll poll)
    {
        var results = Polls.Results(poll);
        return poll.Kind == PollKind.OpenWords
            ? [.. results.Words.Select(w => new SummaryRow(w.Word, w.Count))]
            : [.. poll.Options.Select((option, i) => new SummaryRow(option, results.Counts[i]))];
    }

    /// <summary>The notes' sections in document order: heading ("Notes" when empty) and text body.</summary>
    private static IEnumerable<SummarySection> Sections(PlanDocument notes) => notes.Sections
        .Select(section => new SummarySection(
            section.Fields.TryGetValue(PlanFields.Heading, out var heading) && heading.Length > 0 ? heading : "Notes",
            section.Fields.TryGetValue(PlanFields.Body, out var body) ? body : ""))
        .Where(section => section.Body.Length > 0 || section.Heading != "Notes");

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Status(PollStatus status) => status switch
    {
        PollStatus.Draft => "en préparation",
        PollStatus.Open => "ouvert",
        _ => "fermé",
    };

    private static string ReactionName(Reaction reaction) => reaction switch
    {
        Reaction.Applause => "applaudissements",
        Reaction.Heart => "cœurs",
        Reaction.Laugh => "rires",
        Reaction.ThumbsUp => "pouces levés",
        _ => "surprises",
    };

    /// <summary>
    /// People's text within a line of Markdown (after "- " or "### "), shown as written: what could start emphasis, code,
    /// a link, an image, raw HTML, an entity or a table cell is escaped, and line breaks become " / " so no text forges a
    /// section of its own.
    /// </summary>
    private static string Inline(string text) => Escape(string.Join(" / ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>People's text as a paragraph: each line escaped, and what would make a line a heading, a list or a quote too.</summary>
    private static string Block(string text) => string.Join("  \n", text.ReplaceLineEndings("\n").Split('\n').Select(line =>
    {
        var escaped = Escape(line);
        var body = escaped.TrimStart(' ');
        var indent = escaped[..(escaped.Length - body.Length)];
        var digits = body.TakeWhile(char.IsAsciiDigit).Count();
        if (body.Length > 0 && body[0] is '#' or '-' or '+' or '=' or '>')
        {
            return $"{indent}\\{body}";
        }
        return digits > 0 && digits < body.Length && body[digits] is '.' or ')' ? $"{indent}{body[..digits]}\\{body[digits..]}" : escaped;
    }));

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '!')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
