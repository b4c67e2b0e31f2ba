using System.Text.Json;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Diaspora;
using Kaolack.Contracts.Organisations;
using Kaolack.Contracts.Wire;

namespace Kaolack.Silo.DemoData;

/// <summary>
/// The demo data set: fictitious but plausible organisations and projects of the Kaolack–Oriental cooperation, in
/// French. Names, people, e-mails (example.org) and phone numbers are invented. It lives in the JSON files of this
/// folder (copied next to the silo), written as the API's request bodies; this class only reads them and checks that
/// they hold together, so the content is edited without touching code. The accounts stay in <see cref="DemoAccounts"/>:
/// the seeder gives them their parts (owner, editor, viewer).
/// </summary>
public sealed record DemoCatalog(
    IReadOnlyList<DemoProfile<CooperativeProfile>> Cooperatives,
    IReadOnlyList<DemoProfile<DiasporaGroupProfile>> DiasporaGroups,
    IReadOnlyList<DemoProject> Projects,
    IReadOnlyList<DemoPlan> Plans,
    IReadOnlyList<DemoProfile<OrganisationProfile>> Organisations)
{
    private const string CooperativesFile = "cooperatives.json";
    private const string DiasporaGroupsFile = "diaspora-groups.json";
    private const string ProjectsFile = "projects.json";
    private const string PlansFile = "plans.json";
    private const string OrganisationsFile = "organisations.json";

    /// <summary>Where the build copies the files: DemoData next to the silo's assemblies (and the test assemblies).</summary>
    public static string ShippedFolder { get; } = Path.Combine(AppContext.BaseDirectory, "DemoData");

    private static readonly Lazy<DemoCatalog> ShippedCatalog = new(() => Load(ShippedFolder));

    /// <summary>The files shipped with the silo, read once per process.</summary>
    public static DemoCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The JSON the API reads (names, enums, unknown fields refused), stricter: nulls and missing positional members are errors too.</summary>
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Reads the files of <paramref name="folder"/>; throws <see cref="DemoDataException"/> listing every problem found.</summary>
    public static DemoCatalog Load(string folder)
    {
        var catalog = new DemoCatalog(
            Read<DemoProfile<CooperativeProfile>>(folder, CooperativesFile),
            Read<DemoProfile<DiasporaGroupProfile>>(folder, DiasporaGroupsFile),
            Read<DemoProject>(folder, ProjectsFile),
            Read<DemoPlan>(folder, PlansFile),
            Read<DemoProfile<OrganisationProfile>>(folder, OrganisationsFile));
        var problems = catalog.Problems().ToList();
        return problems.Count == 0 ? catalog : throw new DemoDataException(folder, problems);
    }

    private static T[] Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new DemoDataException(folder, [$"{file} is missing (the build copies it from silo/Kaolack.Silo/DemoData)."]);
        }
        T[]? items;
        try
        {
            using var stream = File.OpenRead(path);
            items = JsonSerializer.Deserialize<T[]>(stream, Json);
        }
        catch (JsonException exception)
        {
            throw new DemoDataException(folder, [$"{file} at {exception.Path}: {exception.Message}"]);
        }
        if (items is null || items.Any(item => item is null))
        {
            throw new DemoDataException(folder, [$"{file} must be an array of items, none of them null."]);
        }
        return items;
    }

    /// <summary>What the files must agree on: slugs that are valid and unique, and references to items that exist.</summary>
    private IEnumerable<string> Problems()
    {
        var cooperatives = Cooperatives.Select(c => c.Slug).ToList();
        var diasporaGroups = DiasporaGroups.Select(g => g.Slug).ToList();
        var otherOrganisations = Organisations.Select(o => o.Slug).ToList();
        var projects = Projects.Select(p => p.Slug).ToList();
        var problems = SlugProblems(CooperativesFile, cooperatives)
            .Concat(SlugProblems(DiasporaGroupsFile, diasporaGroups))
            .Concat(SlugProblems(OrganisationsFile, otherOrganisations))
            .Concat(SlugProblems(ProjectsFile, projects));

        var organisations = new HashSet<(EntityKind, string)>(
            cooperatives.Select(slug => (EntityKind.Cooperative, slug))
                .Concat(diasporaGroups.Select(slug => (EntityKind.DiasporaGroup, slug)))
                .Concat(otherOrganisations.Select(slug => (EntityKind.Organisation, slug))));
        problems = problems.Concat(
            from project in Projects
            from partner in project.Partners
            where !organisations.Contains((partner.Kind, partner.Slug))
            select $"{ProjectsFile}: {project.Slug} names the partner {partner.Kind.Singular()} {partner.Slug}, which is not in the demo data.");

        var projectSet = projects.ToHashSet(StringComparer.Ordinal);
        problems = problems.Concat(
            from demo in DiasporaGroups
            from pledge in demo.Profile.Pledges
            where !projectSet.Contains(pledge.ProjectSlug)
            select $"{DiasporaGroupsFile}: {demo.Slug} pledges to the project {pledge.ProjectSlug}, which is not in the demo data.");

        return problems.Concat(Plans.SelectMany(plan => PlanProblems(plan, projectSet)));
    }

    private static IEnumerable<string> SlugProblems(string file, IReadOnlyList<string> slugs) =>
        slugs.Where(slug => !Slug.IsValid(slug)).Select(slug => $"{file}: \"{slug}\" is not a slug (lowercase letters, digits, single hyphens).")
            .Concat(Duplicates(slugs).Select(slug => $"{file}: {slug} appears more than once."));

    private static IEnumerable<string> PlanProblems(DemoPlan plan, HashSet<string> projects)
    {
        if (!projects.Contains(plan.ProjectSlug))
        {
            yield return $"{PlansFile}: the plan of {plan.ProjectSlug} has no project of that slug in {ProjectsFile}.";
        }
        var ids = plan.Sections.Select(s => s.Id).Concat(plan.Milestones.Select(m => m.Id)).Concat(plan.Tasks.Select(t => t.Id)).ToList();
        foreach (var id in Duplicates(ids))
        {
            yield return $"{PlansFile}: the plan of {plan.ProjectSlug} uses the id {id} more than once.";
        }
        var milestones = plan.Milestones.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var task in plan.Tasks.Where(t => !milestones.Contains(t.MilestoneId)))
        {
            yield return $"{PlansFile}: the task {task.Id} of {plan.ProjectSlug} is under the milestone {task.MilestoneId}, which that plan does not have.";
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(value => value, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        WireJson.Configure(options);
        return options;
    }
}

/// <summary>The demo data files are missing, unreadable or do not hold together; the message lists each problem.</summary>
public sealed class DemoDataException(string folder, IReadOnlyList<string> problems)
    : Exception($"Demo data in {folder}:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
