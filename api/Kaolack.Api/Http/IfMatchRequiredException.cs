namespace Kaolack.Api.Http;

/// <summary>A whole-entity write came without If-Match (428).</summary>
public sealed class IfMatchRequiredException() : Exception("If-Match required");
