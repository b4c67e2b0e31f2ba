namespace Kaolack.Silo.DemoData;

/// <summary>A demo organisation: the fixed slug it is created under and its profile.</summary>
/// <typeparam name="TProfile">A cooperative or diaspora group profile.</typeparam>
public sealed record DemoProfile<TProfile>(string Slug, TProfile Profile) where TProfile : class;
