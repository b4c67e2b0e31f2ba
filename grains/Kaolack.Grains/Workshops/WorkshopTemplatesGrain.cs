using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The coaches' shared library of workshop templates, in one small blob (a template is an outline: a few KB). Coaches and
/// admins list them, save one and start workshops from them; a template's creator and admins delete it.
/// </summary>
public sealed class WorkshopTemplatesGrain(
    [PersistentState("workshop-templates", StorageNames.Documents)] IPersistentState<WorkshopTemplatesState> store,
    TimeProvider clock)
    : Grain, IWorkshopTemplatesGrain
{
    public const int MaxTemplates = 200;
    public const int MaxNameLength = 80;

    public Task<WorkshopTemplate[]> List(Caller caller)
    {
        RequireCoach(caller);
        return Task.FromResult<WorkshopTemplate[]>([.. store.State.Templates.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }

    public Task<WorkshopTemplate?> Get(Caller caller, string templateId)
    {
        RequireCoach(caller);
        return Task.FromResult(store.State.Templates.FirstOrDefault(t => t.Id == templateId));
    }

    public async Task<WorkshopTemplate> Save(Caller caller, string name, string creatorName, WorkshopOutline outline)
    {
        RequireCoach(caller);
        ArgumentNullException.ThrowIfNull(outline);
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new ValidationFailedException("name", $"Nom attendu ({MaxNameLength} caractères au plus).");
        }
        var templates = store.State.Templates;
        if (templates.Any(t => string.Equals(t.Name, trimmed, StringComparison.CurrentCultureIgnoreCase)))
        {
            throw new EntityExistsException("Un modèle de ce nom");
        }
        if (templates.Length >= MaxTemplates)
        {
            throw new RuleViolationException("too-many-templates", $"{MaxTemplates} modèles au plus : supprimez-en un.");
        }
        var template = new WorkshopTemplate($"modele-{JoinCodes.NewToken()}", trimmed, outline, caller.UserId, creatorName, clock.GetUtcNow());
        await store.WriteOrRollback(new WorkshopTemplatesState { Templates = [.. templates, template] }, DeactivateOnIdle);
        return template;
    }

    public async Task Delete(Caller caller, string templateId)
    {
        RequireCoach(caller);
        var template = store.State.Templates.FirstOrDefault(t => t.Id == templateId) ?? throw new EntityNotFoundException("Le modèle");
        AccessPolicy.Require(caller.IsAdmin || template.CreatedBy == caller.UserId, "Seuls son auteur et les administrateurs suppriment un modèle.");
        await store.WriteOrRollback(new WorkshopTemplatesState { Templates = [.. store.State.Templates.Where(t => t.Id != templateId)] }, DeactivateOnIdle);
    }

    private static void RequireCoach(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(WorkshopAccess.CanCreate(caller), "Les modèles d'ateliers sont réservés aux coachs et aux administrateurs.");
    }
}

[GenerateSerializer, Alias("kaolack.workshop-templates-state.v1")]
public sealed class WorkshopTemplatesState
{
    [Id(0)] public WorkshopTemplate[] Templates { get; set; } = [];
}
