namespace Kaolack.Api.Workshops;

/// <summary>Saving a workshop as a template: which workshop, and the template's name (1–80 characters, unique).</summary>
public sealed record TemplateRequest(string? WorkshopId, string Name);
