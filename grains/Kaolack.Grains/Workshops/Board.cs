using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The idea board: columns of sticky notes that participants add and coaches move, group into clusters, merge and
/// delete; dot voting within a per-person budget set by the coach. In anonymous mode a note keeps no author name.
/// </summary>
public static class Board
{
    public static WorkshopData AddColumn(WorkshopData data, AddColumn command)
    {
        WorkshopRules.RequireId("columnId", command.ColumnId);
        if (data.Columns.Any(c => c.Id == command.ColumnId))
        {
            throw new EntityExistsException("La colonne");
        }
        if (data.Columns.Length >= WorkshopRules.MaxColumns)
        {
            throw new RuleViolationException("too-many-columns", $"{WorkshopRules.MaxColumns} colonnes au plus.");
        }
        var title = WorkshopRules.RequireText("title", command.Title, WorkshopRules.MaxColumnTitleLength);
        return data with { Columns = [.. data.Columns, new BoardColumn(command.ColumnId, title)] };
    }

    public static WorkshopData AddNote(WorkshopData data, Participant who, AddNote command)
    {
        WorkshopRules.RequireId("noteId", command.NoteId);
        RequireColumn(data, command.ColumnId);
        if (data.Notes.Any(n => n.Id == command.NoteId))
        {
            throw new EntityExistsException("La note");
        }
        if (data.Notes.Length >= WorkshopRules.MaxNotes)
        {
            throw new RuleViolationException("too-many-notes", $"{WorkshopRules.MaxNotes} notes au plus.");
        }
        var text = WorkshopRules.RequireText("text", command.Text, WorkshopRules.MaxNoteLength);
        var author = data.Details.Anonymous ? null : who.DisplayName;
        return data with { Notes = [.. data.Notes, new StickyNote(command.NoteId, command.ColumnId, text, who.Id, author, null)] };
    }

    public static WorkshopData? Move(WorkshopData data, MoveNote command)
    {
        var note = FindNote(data, command.NoteId);
        RequireColumn(data, command.ColumnId);
        return note.ColumnId == command.ColumnId ? null : Replace(data, note with { ColumnId = command.ColumnId });
    }

    public static WorkshopData? Group(WorkshopData data, GroupNote command)
    {
        var note = FindNote(data, command.NoteId);
        var group = string.IsNullOrWhiteSpace(command.Group) ? null : WorkshopRules.RequireText("group", command.Group, WorkshopRules.MaxColumnTitleLength);
        return note.Group == group ? null : Replace(data, note with { Group = group });
    }

    /// <summary>The merged note disappears into the other: its text is appended and its dots move over.</summary>
    public static WorkshopData Merge(WorkshopData data, MergeNote command)
    {
        var from = FindNote(data, command.NoteId);
        var into = FindNote(data, command.IntoNoteId);
        if (from.Id == into.Id)
        {
            throw new ValidationFailedException("intoNoteId", "Une note ne se fusionne pas avec elle-même.");
        }
        var text = $"{into.Text}\n{from.Text}";
        if (text.Length > WorkshopRules.MaxNoteLength * 4)
        {
            throw new RuleViolationException("note-too-long", "La note fusionnée serait trop longue.");
        }
        var dots = data.Dots.Select(d => d.NoteId == from.Id ? d with { NoteId = into.Id } : d)
            .GroupBy(d => (d.NoteId, d.ParticipantId))
            .Select(g => new Dot(g.Key.NoteId, g.Key.ParticipantId, g.Sum(d => d.Count)));
        return data with
        {
            Notes = [.. data.Notes.Where(n => n.Id != from.Id).Select(n => n.Id == into.Id ? n with { Text = text } : n)],
            Dots = [.. dots],
        };
    }

    /// <summary>Takes the note off the board; its dots go back to those who placed them.</summary>
    public static WorkshopData Delete(WorkshopData data, string? noteId)
    {
        var note = FindNote(data, noteId);
        return data with
        {
            Notes = [.. data.Notes.Where(n => n.Id != note.Id)],
            Dots = [.. data.Dots.Where(d => d.NoteId != note.Id)],
        };
    }

    public static WorkshopData? SetBudget(WorkshopData data, int perPerson)
    {
        if (perPerson is < 0 or > WorkshopRules.MaxDotBudget)
        {
            throw new ValidationFailedException("perPerson", $"Entre 0 et {WorkshopRules.MaxDotBudget} gommettes par personne.");
        }
        return data.DotBudget == perPerson ? null : data with { DotBudget = perPerson };
    }

    public static int DotsUsed(WorkshopData data, string participantId) =>
        data.Dots.Where(d => d.ParticipantId == participantId).Sum(d => d.Count);

    public static int DotsOn(WorkshopData data, string noteId) => data.Dots.Where(d => d.NoteId == noteId).Sum(d => d.Count);

    /// <summary>One more dot on the note, within the budget (several on one note are allowed).</summary>
    public static WorkshopData AddDot(WorkshopData data, string participantId, string noteId)
    {
        FindNote(data, noteId);
        if (DotsUsed(data, participantId) >= data.DotBudget)
        {
            throw new RuleViolationException("dot-budget", data.DotBudget == 0
                ? "Le vote par gommettes n'est pas ouvert."
                : $"Vous avez déjà placé vos {data.DotBudget} gommettes.");
        }
        var mine = data.Dots.FirstOrDefault(d => d.NoteId == noteId && d.ParticipantId == participantId);
        return data with
        {
            Dots = mine is null
                ? [.. data.Dots, new Dot(noteId, participantId, 1)]
                : [.. data.Dots.Select(d => d == mine ? d with { Count = d.Count + 1 } : d)],
        };
    }

    public static WorkshopData? RemoveDot(WorkshopData data, string participantId, string noteId)
    {
        FindNote(data, noteId);
        var mine = data.Dots.FirstOrDefault(d => d.NoteId == noteId && d.ParticipantId == participantId);
        if (mine is null)
        {
            return null;
        }
        return data with
        {
            Dots = mine.Count == 1
                ? [.. data.Dots.Where(d => d != mine)]
                : [.. data.Dots.Select(d => d == mine ? d with { Count = d.Count - 1 } : d)],
        };
    }

    private static void RequireColumn(WorkshopData data, string? columnId)
    {
        if (!data.Columns.Any(c => c.Id == columnId))
        {
            throw new EntityNotFoundException("La colonne");
        }
    }

    private static StickyNote FindNote(WorkshopData data, string? noteId) =>
        data.Notes.FirstOrDefault(n => n.Id == noteId) ?? throw new EntityNotFoundException("La note");

    private static WorkshopData Replace(WorkshopData data, StickyNote note) =>
        data with { Notes = [.. data.Notes.Select(n => n.Id == note.Id ? note : n)] };
}
