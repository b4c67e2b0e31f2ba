using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Projects;

public sealed record StatusChange(ProjectStatus Status);
