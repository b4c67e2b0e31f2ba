using System.Globalization;
using System.Text;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The summary of a session: agenda, attendance, poll results, the board with its dots, the shared notes. Markdown for people
/// (what people typed escaped, <see cref="MarkdownText"/>), CSV for spreadsheets (one row per fact: part, subject, detail, value). Results are always complete here: the summary is
/// for coaches and for the project's record, after the session.
/// </summary>
public static class WorkshopSummaries
{
    public static string Markdown(WorkshopData data, PlanDocument notes)
    {
        var md = new StringBuilder();
        var details = data.Details;
        md.Append("# ").AppendLine(MarkdownText.Inline(details.Title)).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date : {Instant(details.StartsAt)} (UTC), {details.DurationMinutes} min");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Coachs : {MarkdownText.Inline(string.Join(", ", details.Coaches))}");
        if (details.ProjectSlug is { } project)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Projet : {MarkdownText.Inline(project)}");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"- Séance : {Phase(data.Phase)}{(data.StartedAt is { } s ? $", commencée {Instant(s)}" : "")}{(data.EndedAt is { } e ? $", terminée {Instant(e)}" : "")}");
        if (details.Description.Length > 0)
        {
            md.AppendLine().AppendLine(MarkdownText.Block(details.Description));
        }

        md.AppendLine().AppendLine("## Ordre du jour").AppendLine();
        for (var i = 0; i < details.Agenda.Length; i++)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {MarkdownText.Inline(details.Agenda[i].Title)} ({details.Agenda[i].PlannedMinutes} min)");
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Participation ({Participants(data)} personnes)").AppendLine();
        md.AppendLine("| Nom | Invité | Arrivée (UTC) | Départ (UTC) |").AppendLine("|---|---|---|---|");
        foreach (var stay in data.Attendance)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Inline(stay.DisplayName)} | {(stay.Guest ? "oui" : "non")} | {Instant(stay.JoinedAt)} | {(stay.LeftAt is { } left ? Instant(left) : "—")} |");
        }

        md.AppendLine().AppendLine("## Sondages");
        foreach (var poll in data.Polls)
        {
            var results = Polls.Results(poll);
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {MarkdownText.Inline(poll.Question)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{poll.Ballots.Length} votant(s), sondage {Status(poll.Status)}.").AppendLine();
            foreach (var (label, count) in Rows(poll, results))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText.Inline(label)} : {count}");
            }
        }

        md.AppendLine().AppendLine("## Tableau d'idées");
        foreach (var column in data.Columns)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {MarkdownText.Inline(column.Title)}").AppendLine();
            foreach (var note in NotesByDots(data, column.Id))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText.Inline(note.Text)} — {Board.DotsOn(data, note.Id)} gommette(s){(note.Group is { } g ? $" [{MarkdownText.Inline(g)}]" : "")} ({MarkdownText.Inline(note.AuthorName)})");
            }
        }

        var sections = Notes(notes).ToArray();
        if (sections.Length > 0)
        {
            md.AppendLine().AppendLine("## Notes");
            foreach (var (heading, body) in sections)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {MarkdownText.Inline(heading)}").AppendLine().AppendLine(MarkdownText.Block(body));
            }
        }
        return md.ToString();
    }

    /// <summary>The summary as CSV text (<see cref="Common.Csv"/>'s dialect), one row per fact, with readable French labels.</summary>
    public static string Csv(WorkshopData data, PlanDocument notes)
    {
        List<IReadOnlyList<string>> rows = [["Partie", "Sujet", "Détail", "Valeur"]];
        void Row(string section, string subject, string detail, string value) => rows.Add([section, subject, detail, value]);

        var details = data.Details;
        Row("Atelier", details.Title, "Début (UTC)", Instant(details.StartsAt));
        Row("Atelier", details.Title, "Durée (min)", details.DurationMinutes.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < details.Agenda.Length; i++)
        {
            Row("Ordre du jour", $"{i + 1}. {details.Agenda[i].Title}", "Durée prévue (min)", details.Agenda[i].PlannedMinutes.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var stay in data.Attendance)
        {
            Row("Participation", stay.DisplayName, stay.Guest ? "Invité" : "Compte", $"{Instant(stay.JoinedAt)} – {(stay.LeftAt is { } left ? Instant(left) : "")}");
        }
        foreach (var poll in data.Polls)
        {
            foreach (var (label, count) in Rows(poll, Polls.Results(poll)))
            {
                Row("Sondage", poll.Question, label, count.ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var column in data.Columns)
        {
            foreach (var note in NotesByDots(data, column.Id))
            {
                Row("Tableau d'idées", column.Title, note.Text, Board.DotsOn(data, note.Id).ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var (heading, body) in Notes(notes))
        {
            Row("Notes", heading, "", body);
        }
        return Common.Csv.Format(rows);
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
}
