using Kaolack.Contracts.Projects;

namespace Kaolack.Silo.DemoData;

/// <summary>
/// A demo joint project: its charter, then what is applied right after it is created — partners (in
/// order), contributions, and the status it is brought to through the allowed transitions.
/// </summary>
public sealed record DemoProject(
    string Slug,
    ProjectCharter Charter,
    PartnerRef[] Partners,
    ContributionInput[] Contributions,
    ProjectStatus Status);
