using System.Globalization;
using System.Text;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The summary of a session: agenda, attendance, poll results, the board with its dots, the shared notes. Markdown for people, CSV for
/// spreadsheets (one row per fact: section, subject, detail, value). Results are always complete here: the summary is
/// for coaches and for the project's record, after the session.
/// </summary>
public static class WorkshopSummaries
{
    public static string Markdown(WorkshopData data, PlanDocument notes)
    {
        var md = new StringBuilder();
        var details = data.Details;
        md.Append("# ").AppendLine(details.Title).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date : {Instant(details.StartsAt)} (UTC), {details.DurationMinutes} min");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Coachs : {string.Join(", ", details.Coaches)}");
        if (details.ProjectSlug is { } project)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Projet : {project}");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"- Séance : {Phase(data.Phase)}{(data.StartedAt is { } s ? $", commencée {Instant(s)}" : "")}{(data.EndedAt is { } e ? $", terminée {Instant(e)}" : "")}");
        if (details.Description.Length > 0)
        {
            md.AppendLine().AppendLine(details.Description);
        }

        md.AppendLine().AppendLine("## Ordre du jour").AppendLine();
        for (var i = 0; i < details.Agenda.Length; i++)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {details.Agenda[i].Title} ({details.Agenda[i].PlannedMinutes} min)");
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Participation ({Participants(data)} personnes)").AppendLine();
        md.AppendLine("| Nom | Invité | Arrivée (UTC) | Départ (UTC) |").AppendLine("|---|---|---|---|");
        foreach (var stay in data.Attendance)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(stay.DisplayName)} | {(stay.Guest ? "oui" : "non")} | {Instant(stay.JoinedAt)} | {(stay.LeftAt is { } left ? Instant(left) : "—")} |");
        }

        md.AppendLine().AppendLine("## Sondages");
        foreach (var poll in data.Polls)
        {
            var results = Polls.Results(poll);
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {poll.Question}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{poll.Ballots.Length} votant(s), sondage {Status(poll.Status)}.").AppendLine();
            foreach (var (label, count) in Rows(poll, results))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {label} : {count}");
            }
        }

        md.AppendLine().AppendLine("## Tableau d'idées");
        foreach (var column in data.Columns)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {column.Title}").AppendLine();
            foreach (var note in NotesByDots(data, column.Id))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note.Text.Replace("\n", " / ", StringComparison.Ordinal)} — {Board.DotsOn(data, note.Id)} gommette(s){(note.Group is { } g ? $" [{g}]" : "")} ({note.AuthorName})");
            }
        }

        var sections = Notes(notes).ToArray();
        if (sections.Length > 0)
        {
            md.AppendLine().AppendLine("## Notes");
            foreach (var (heading, body) in sections)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {heading}").AppendLine().AppendLine(body);
            }
        }
        return md.ToString();
    }

    public static string Csv(WorkshopData data, PlanDocument notes)
    {
        var csv = new StringBuilder();
        void Row(string section, string subject, string detail, string value) =>
            csv.Append(Field(section)).Append(',').Append(Field(subject)).Append(',').Append(Field(detail)).Append(',').Append(Field(value)).Append("\r\n");

        Row("section", "subject", "detail", "value");
        var details = data.Details;
        Row("workshop", details.Title, "starts-at", Instant(details.StartsAt));
        Row("workshop", details.Title, "duration-minutes", details.DurationMinutes.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < details.Agenda.Length; i++)
        {
            Row("agenda", $"{i + 1}. {details.Agenda[i].Title}", "planned-minutes", details.Agenda[i].PlannedMinutes.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var stay in data.Attendance)
        {
            Row("attendance", stay.DisplayName, stay.Guest ? "guest" : "account", $"{Instant(stay.JoinedAt)} – {(stay.LeftAt is { } left ? Instant(left) : "")}");
        }
        foreach (var poll in data.Polls)
        {
            foreach (var (label, count) in Rows(poll, Polls.Results(poll)))
            {
                Row("poll", poll.Question, label, count.ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var column in data.Columns)
        {
            foreach (var note in NotesByDots(data, column.Id))
            {
                Row("board", column.Title, note.Text, Board.DotsOn(data, note.Id).ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var (heading, body) in Notes(notes))
        {
            Row("notes", heading, "", body);
        }
        return csv.ToString();
    }

    /// <summary>The line the linked project's activity log receives when the session ends.</summary>
    public static string ActivityText(string workshopId, WorkshopData data) =>
        $"Atelier « {data.Details.Title} » terminé : {Participants(data)} participant(s), {data.Polls.Length} sondage(s), " +
        $"{data.Notes.Length} idée(s). Résumé : /api/workshops/{workshopId}/summary.md";

    /// <summary>The notes' sections in document order: heading ("Notes" when empty) and text body.</summary>
    private static IEnumerable<(string Heading, string Body)> Notes(PlanDocument notes) => notes.Sections
        .Select(section => (
            section.Fields.TryGetValue(PlanFields.Heading, out var heading) && heading.Length > 0 ? heading : "Notes",
            section.Fields.TryGetValue(PlanFields.Body, out var body) ? body : ""))
        .Where(section => section.Item2.Length > 0 || section.Item1 != "Notes");

    private static int Participants(WorkshopData data) => data.Attendance.Select(s => s.ParticipantId).Distinct(StringComparer.Ordinal).Count();

    private static IEnumerable<(string Label, int Count)> Rows(Poll poll, PollResults results) => poll.Kind == PollKind.OpenWords
        ? results.Words.Select(w => (w.Word, w.Count))
        : poll.Options.Select((option, i) => (option, results.Counts[i]));

    private static IEnumerable<StickyNote> NotesByDots(WorkshopData data, string columnId) =>
        data.Notes.Where(n => n.ColumnId == columnId).OrderByDescending(n => Board.DotsOn(data, n.Id));

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Phase(WorkshopPhase phase) => phase switch
    {
        WorkshopPhase.Scheduled => "prévue",
        WorkshopPhase.Live => "en cours",
        _ => "terminée",
    };

    private static string Status(PollStatus status) => status switch
    {
        PollStatus.Draft => "en préparation",
        PollStatus.Open => "ouvert",
        _ => "fermé",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
