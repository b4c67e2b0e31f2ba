namespace Kaolack.Api.Hardening;

/// <summary>Marks an endpoint that creates something an account could pile up (<see cref="KaolackHardening.RequireCreationQuota"/>).</summary>
public sealed class CreationQuota;
