namespace Kaolack.Api.Endpoints;

public sealed record MemberRequest(string Email);
