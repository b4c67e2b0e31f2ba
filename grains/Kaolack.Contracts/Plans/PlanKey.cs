using Kaolack.Contracts.Common;
using Kaolack.Contracts.Projects;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// What keys a plan document, parsed once: a project's plan ("{project slug}") or a workshop's shared notes
/// ("{workshop id}--notes"; a slug never holds a double hyphen, so the two never meet). It names the document's owner,
/// which decides who reads and edits the document and hears about its commits (<see cref="IPlanOwner"/>). The only place
/// that knows how a key is spelled.
/// </summary>
public readonly record struct PlanKey
{
    private const string NotesSuffix = "--notes";

    private PlanKey(PlanOwnerKind ownerKind, string ownerId) => (OwnerKind, OwnerId) = (ownerKind, ownerId);

    public PlanOwnerKind OwnerKind { get; }

    /// <summary>The owner's own key: the project's slug, the workshop's id.</summary>
    public string OwnerId { get; }

    /// <summary>Guests of a workshop take part in its notes; a project's plan is for accounts only.</summary>
    public bool AdmitsGuests => OwnerKind == PlanOwnerKind.Workshop;

    public static PlanKey ForProject(string projectSlug) =>
        Slug.IsValid(projectSlug) ? new(PlanOwnerKind.Project, projectSlug) : throw new ArgumentException($"Not a project slug: {projectSlug}", nameof(projectSlug));

    public static PlanKey ForWorkshopNotes(string workshopId) =>
        Slug.IsValid(workshopId) ? new(PlanOwnerKind.Workshop, workshopId) : throw new ArgumentException($"Not a workshop id: {workshopId}", nameof(workshopId));

    public static bool TryParse(string? value, out PlanKey key)
    {
        key = default;
        if (value is not null && value.EndsWith(NotesSuffix, StringComparison.Ordinal) && Slug.IsValid(value[..^NotesSuffix.Length]))
        {
            key = new PlanKey(PlanOwnerKind.Workshop, value[..^NotesSuffix.Length]);
            return true;
        }
        if (Slug.IsValid(value))
        {
            key = new PlanKey(PlanOwnerKind.Project, value!);
            return true;
        }
        return false;
    }

    /// <exception cref="ArgumentException">Neither a project slug nor a workshop's notes.</exception>
    public static PlanKey Parse(string value) =>
        TryParse(value, out var key) ? key : throw new ArgumentException($"Not a plan document key: {value}", nameof(value));

    /// <summary>The grain that owns the document.</summary>
    public IPlanOwner Owner(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return OwnerKind == PlanOwnerKind.Workshop ? grains.GetGrain<IWorkshopGrain>(OwnerId) : grains.GetGrain<IJointProjectGrain>(OwnerId);
    }

    /// <summary>The key as the plan's grain, topics ("plan:{key}", "presence:{key}") and hub methods spell it.</summary>
    public override string ToString() => OwnerKind == PlanOwnerKind.Workshop ? OwnerId + NotesSuffix : OwnerId ?? "";
}
