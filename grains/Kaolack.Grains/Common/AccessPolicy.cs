using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;

namespace Kaolack.Grains.Common;

/// <summary>Who may do what, decided by the grains themselves from the acting <see cref="Caller"/>.</summary>
public static class AccessPolicy
{
    public static bool CanReadDirectory(Caller caller) => caller.Roles.Length > 0;

    public static bool CanCreate(Caller caller) => caller.MayWrite;

    public static bool CanEditOrganisation(Caller caller, IEnumerable<string> members) =>
        caller.IsAdmin || (caller.MayWrite && members.Contains(caller.UserId, StringComparer.Ordinal));

    public static ProjectRole? RoleIn(Caller caller, IEnumerable<ProjectMember> members) =>
        members.FirstOrDefault(m => m.UserId == caller.UserId)?.Role;

    public static bool CanReadProject(Caller caller, IEnumerable<ProjectMember> members) =>
        caller.SeesAllProjects || RoleIn(caller, members) is not null;

    public static bool CanEditProject(Caller caller, IEnumerable<ProjectMember> members) =>
        caller.IsAdmin || (caller.MayWrite && RoleIn(caller, members) is ProjectRole.Owner or ProjectRole.Editor);

    /// <summary>
    /// Refuses a project the caller may not read, and one that does not exist, alike ("forbidden", same words): to whoever
    /// does not see every project, an answer that differed would tell which hidden slugs exist. Those who see every
    /// project pass, and learn that a missing one is missing.
    /// </summary>
    /// <param name="members">The project's members, or null when there is no such project.</param>
    public static void RequireProjectVisible(Caller caller, IEnumerable<ProjectMember>? members) =>
        Require(members is null ? caller.SeesAllProjects : CanReadProject(caller, members), "Ce projet n'existe pas ou vous n'y avez pas accès.");

    public static bool CanManageProject(Caller caller, IEnumerable<ProjectMember> members) =>
        caller.IsAdmin || (caller.MayWrite && RoleIn(caller, members) is ProjectRole.Owner);

    /// <summary>Directory entries with readers (projects) are visible to those readers and to whoever sees every project.</summary>
    public static bool CanSee(Caller caller, string[]? readers) =>
        CanReadDirectory(caller) && (readers is null || caller.SeesAllProjects || readers.Contains(caller.UserId, StringComparer.Ordinal));

    public static void Require(bool allowed, string message = "Vous n'avez pas le droit de faire cela.")
    {
        if (!allowed)
        {
            throw new AccessDeniedException(message);
        }
    }
}
