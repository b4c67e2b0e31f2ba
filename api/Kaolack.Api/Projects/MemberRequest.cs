namespace Kaolack.Api.Projects;

public sealed record MemberRequest(string Email);
