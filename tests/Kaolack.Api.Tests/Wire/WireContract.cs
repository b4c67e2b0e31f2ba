using System.Text.Json;
using Kaolack.Api.Live;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Contracts.Wire;
using Kaolack.Grains.Accounts;
using Kaolack.Grains.Plans;
using Kaolack.Grains.Workshops;
using Kaolack.Testing;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Tests.Wire;

/// <summary>
/// The web client's wire contract (web/src/wire/contract.ts): the request and response types of every REST endpoint
/// as its metadata declares them (the metadata the OpenAPI document is made from), the hub's payloads
/// (<see cref="HubPayloads"/>), the limits the server enforces and the error codes of hub calls.
/// </summary>
public static class WireContract
{
    public static readonly string FilePath = Path.Combine(RepositoryRoot.Path, "web", "src", "wire", "contract.ts");

    private const string Header = """
        Generated from the C# contracts by tests/Kaolack.Api.Tests/Wire: do not edit.
        Regenerate with scripts/wire-contract.sh; the .NET tests fail while this file differs from what the C# makes.
        REST payloads (the endpoints' declared request and response types), hub payloads (Kaolack.Contracts.Wire.HubPayloads),
        their enums, the server's limits and the hub's error codes.
        """;

    private static readonly Dictionary<Type, (string Name, string Module)> ConvertedTypes = new()
    {
        [typeof(TextOp)] = ("TextOp", "../plan/textOps"),
    };

    public static string Generate(IServiceProvider services) =>
        new TypeScriptContract(WireJson.Options, ConvertedTypes).Write(Header, [.. RestTypes(services), .. HubTypes()], Constants());

    /// <summary>Bodies and responses of the /api endpoints, except problem details (RFC 7807, read by the client's own parser) and files.</summary>
    private static IEnumerable<Type> RestTypes(IServiceProvider services) => services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
        .ApiDescriptionGroups.Items
        .SelectMany(group => group.Items)
        .Where(api => api.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        .SelectMany(api => api.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => p.Type)
            .Concat(api.SupportedResponseTypes.Select(r => r.Type)))
        .OfType<Type>()
        .Where(type => type != typeof(void) && type != typeof(string) && type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) != true)
        .Distinct();

    private static IEnumerable<Type> HubTypes() => HubPayloads.Methods.Concat(HubPayloads.EventData.Values.SelectMany(types => types));

    private static IEnumerable<WireConstant> Constants()
    {
        yield return new("PLAN_LIMITS", new
        {
            entitiesPerKind = PlanRules.MaxEntitiesPerKind,
            idLength = PlanRules.MaxIdLength,
            orderLength = PlanRules.MaxOrderLength,
            scalarLength = PlanRules.MaxScalarLength,
            textLength = PlanRules.MaxTextLength,
            insertLength = PlanRules.MaxInsertLength,
            clientIdLength = PlanPresenceGrain.MaxClientIdLength,
            versionNameLength = PlanVersions.MaxNameLength,
        });
        yield return new("PLAN_FIELDS", Enum.GetValues<PlanEntityKind>().ToDictionary(
            kind => JsonSerializer.Serialize(kind, WireJson.Options).Trim('"'),
            kind => new
            {
                scalars = PlanFields.Scalars(kind),
                texts = PlanFields.Texts(kind),
                // Sections have no status field.
                statuses = kind == PlanEntityKind.Section ? [] : PlanFields.Statuses(kind).ToArray(),
            }));
        yield return new("PLAN_DROP_REASONS", new[] { PlanDropReasons.EntityDeleted, PlanDropReasons.EntityExists, PlanDropReasons.EntityMissing }, "PlanDropReason");
        yield return new("ACCOUNT_LIMITS", new { passwordMinLength = AccountRules.MinPasswordLength, passwordMaxLength = AccountRules.MaxPasswordLength });
        yield return new("WORKSHOP_LIMITS", new
        {
            titleLength = WorkshopRules.MaxTitleLength,
            descriptionLength = WorkshopRules.MaxDescriptionLength,
            agendaItems = WorkshopRules.MaxAgendaItems,
            coaches = WorkshopRules.MaxCoaches,
            polls = WorkshopRules.MaxPolls,
            options = WorkshopRules.MaxOptions,
            optionLength = WorkshopRules.MaxOptionLength,
            questionLength = WorkshopRules.MaxQuestionLength,
            words = WorkshopRules.MaxWords,
            wordLength = WorkshopRules.MaxWordLength,
            columns = WorkshopRules.MaxColumns,
            columnTitleLength = WorkshopRules.MaxColumnTitleLength,
            notes = WorkshopRules.MaxNotes,
            noteLength = WorkshopRules.MaxNoteLength,
            dotBudget = WorkshopRules.MaxDotBudget,
            displayNameLength = WorkshopRules.MaxDisplayNameLength,
            qaQuestions = WorkshopRules.MaxQuestions,
            qaQuestionLength = WorkshopRules.MaxQuestionTextLength,
            guests = WorkshopRules.MaxGuests,
            templateNameLength = WorkshopTemplatesGrain.MaxNameLength,
            cloudWords = WorkshopViews.CloudWords,
            joinCodeLength = JoinCodes.Length,
            timerSeconds = (int)SessionTimers.MaxDuration.TotalSeconds,
        });
        yield return new("HUB_ERROR_CODES", HubErrors.Codes, "HubErrorCode");
        yield return new("RESYNC_RULE", ErrorCodes.ResyncRule);
        yield return new("PLAN_READ_ONLY_RULE", ErrorCodes.PlanReadOnlyRule);
    }
}
