using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Workshops;

/// <summary>
/// A workshop's shared notes are a plan document (the same co-editing engine, sections with text bodies) keyed
/// "{workshop id}--notes". No project slug holds a double hyphen, so no project's plan can ever be a workshop's notes.
/// </summary>
public static class WorkshopNotes
{
    private const string Suffix = "--notes";

    public static string DocumentKey(string workshopId) => workshopId + Suffix;

    public static bool TryWorkshopOf(string? key, out string workshopId)
    {
        workshopId = "";
        if (key is null || !key.EndsWith(Suffix, StringComparison.Ordinal) || !Slug.IsValid(key[..^Suffix.Length]))
        {
            return false;
        }
        workshopId = key[..^Suffix.Length];
        return true;
    }

    /// <summary>What may key a plan document: a project slug, or a workshop's notes.</summary>
    public static bool IsPlanKey(string? key) => Slug.IsValid(key) || TryWorkshopOf(key, out _);
}
