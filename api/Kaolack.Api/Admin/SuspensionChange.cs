namespace Kaolack.Api.Admin;

public sealed record SuspensionChange(bool Suspended);
