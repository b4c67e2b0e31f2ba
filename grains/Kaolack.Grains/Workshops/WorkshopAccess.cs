using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// Who may do what in a workshop. Every signed-in account observes; accounts that may write and the workshop's own
/// guests take part; its listed coaches (who may write) and admins run it. A guest of another workshop is nobody here.
/// </summary>
public static class WorkshopAccess
{
    public static bool IsGuestOf(Caller caller, WorkshopData data) =>
        caller.IsGuest && data.Guests.Any(g => g.Id == caller.UserId);

    public static bool CanObserve(Caller caller, WorkshopData data) =>
        (!caller.IsGuest && caller.Roles.Length > 0) || IsGuestOf(caller, data);

    public static bool CanParticipate(Caller caller, WorkshopData data) =>
        (!caller.IsGuest && caller.MayWrite) || IsGuestOf(caller, data);

    public static bool CanCoach(Caller caller, WorkshopData data) => CanCoach(caller, data.Details.Coaches);

    /// <summary>Whether <paramref name="caller"/> runs a workshop whose coaches are <paramref name="coaches"/> (what live events carry).</summary>
    public static bool CanCoach(Caller caller, IReadOnlyCollection<string> coaches) =>
        !caller.IsGuest && (caller.IsAdmin || (caller.MayWrite && coaches.Contains(caller.UserId, StringComparer.Ordinal)));

    /// <summary>Coaches (the role) and admins create workshops.</summary>
    public static bool CanCreate(Caller caller) => !caller.IsGuest && (caller.IsAdmin || (caller.Has(Role.Coach) && caller.MayWrite));
}
