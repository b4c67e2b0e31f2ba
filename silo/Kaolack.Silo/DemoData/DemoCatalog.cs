namespace Kaolack.Silo.DemoData;

/// <summary>
/// The demo data set: fictitious but plausible organisations and projects of the Kaolack–Oriental
/// cooperation, in French. Names, people, e-mails (example.org) and phone numbers are invented.
/// Parts: cooperatives, diaspora groups, joint projects (one file each).
/// </summary>
public static partial class DemoCatalog;
