using Kaolack.Contracts.Projects;

namespace Kaolack.Api.Endpoints;

public sealed record StatusChange(ProjectStatus Status);
