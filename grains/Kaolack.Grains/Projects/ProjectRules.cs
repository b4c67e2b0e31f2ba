using System.Globalization;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Projects;
using Kaolack.Grains.Accounts;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Projects;

/// <summary>The life of a joint project, as pure functions from one <see cref="ProjectData"/> to the next.</summary>
public static class ProjectRules
{
    /// <summary>The log keeps the newest entries; older history lives in the plan's own history.</summary>
    public const int ActivityLimit = 200;

    public const int PartnerLimit = 50;

    public const int ContributionLimit = 500;

    public const int PendingInvitationLimit = 100;

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private static readonly TimeSpan ForgetInvitationsAfter = TimeSpan.FromDays(30);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> AllowedTransitions = new()
    {
        [ProjectStatus.Proposed] = [ProjectStatus.Active, ProjectStatus.Cancelled],
        [ProjectStatus.Active] = [ProjectStatus.AtRisk, ProjectStatus.Completed, ProjectStatus.Cancelled],
        [ProjectStatus.AtRisk] = [ProjectStatus.Active, ProjectStatus.Completed, ProjectStatus.Cancelled],
        [ProjectStatus.Completed] = [ProjectStatus.Active],
        [ProjectStatus.Cancelled] = [ProjectStatus.Proposed],
    };

    public static ProjectCharter Normalize(ProjectCharter charter) => charter with
    {
        Title = Text.Clean(charter.Title),
        Summary = Text.Clean(charter.Summary),
        SdgTags = (charter.SdgTags ?? []).Distinct().Order().ToArray(),
        ValueChains = Text.CleanList(charter.ValueChains),
    };

    public static void Validate(ProjectCharter charter)
    {
        var v = new Validation();
        v.Required("title", charter.Title, 140);
        v.MaxLength("summary", charter.Summary, 4000);
        for (var i = 0; i < charter.SdgTags.Length; i++)
        {
            v.Range($"sdgTags[{i}]", charter.SdgTags[i], 1, 17);
        }
        if (charter.StartDate is { } start)
        {
            v.Range("startDate", start.Year, 2000, 2100);
        }
        if (charter.EndDate is { } end)
        {
            v.Range("endDate", end.Year, 2000, 2100);
            if (charter.StartDate is { } begin && end < begin)
            {
                v.Add("endDate", "La date de fin précède la date de début.");
            }
        }
        v.Money("budget", charter.Budget, required: false, positive: false);
        v.List("valueChains", charter.ValueChains, 0, 12, 60);
        v.ThrowIfInvalid();
    }

    public static ProjectData Create(ProjectCharter charter, string ownerId, long version, DateTimeOffset now) =>
        new(charter, ProjectStatus.Proposed, [], [], [new ActivityEntry(version, now, "created", $"Projet « {charter.Title} » proposé.")],
            [new ProjectMember(ownerId, ProjectRole.Owner, now)], []);

    /// <summary>Adds a pending invitation; spent or expired ones older than a month are forgotten.</summary>
    /// <param name="lifetime">How long it can be used; <see cref="InvitationLifetime"/> when not given.</param>
    public static ProjectData Invite(ProjectData data, string email, ProjectRole role, string secretHash, long version, DateTimeOffset now,
        TimeSpan? lifetime = null)
    {
        var v = new Validation();
        AccountRules.ValidateEmail(v, "email", email);
        v.Defined("role", role);
        v.ThrowIfInvalid();
        var kept = data.Invitations.Where(i => (i.UsedAt ?? i.ExpiresAt) > now - ForgetInvitationsAfter).ToArray();
        if (kept.Count(i => i.UsedAt is null && i.ExpiresAt > now) >= PendingInvitationLimit)
        {
            throw new RuleViolationException("invitation-limit", $"{PendingInvitationLimit} invitations en attente au plus.");
        }
        var invitation = new ProjectInvitation(secretHash, email, role, now + (lifetime ?? InvitationLifetime), null);
        return Log(data with { Invitations = [.. kept, invitation] }, version, now, "member-invited",
            $"Invitation envoyée à {email} ({RoleLabel(role)}).");
    }

    /// <summary>How a pending invitation is named to revoke it: the start of its secret's hash (the secret itself is never kept).</summary>
    public static string InvitationId(ProjectInvitation invitation) => invitation.SecretHash[..16].ToLowerInvariant();

    /// <summary>Invitations not used, expired or revoked, soonest to expire first.</summary>
    public static PendingInvitation[] PendingInvitations(ProjectData data, DateTimeOffset now) =>
    [
        .. data.Invitations
            .Where(i => i.UsedAt is null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new PendingInvitation(InvitationId(i), i.Email, i.Role, i.ExpiresAt)),
    ];

    /// <summary>Withdraws a pending invitation: it is forgotten, so its link answers "not found" from then on.</summary>
    public static ProjectData RevokeInvitation(ProjectData data, string invitationId, long version, DateTimeOffset now)
    {
        var invitation = data.Invitations.FirstOrDefault(i => i.UsedAt is null && i.ExpiresAt > now && InvitationId(i) == invitationId)
            ?? throw new EntityNotFoundException("Cette invitation en attente");
        return Log(data with { Invitations = data.Invitations.Where(i => i != invitation).ToArray() }, version, now, "invitation-revoked",
            $"Invitation de {invitation.Email} retirée.");
    }

    /// <summary>The invitation the secret belongs to, if it can still be used.</summary>
    public static ProjectInvitation FindUsableInvitation(ProjectData data, string secretHash, DateTimeOffset now)
    {
        var invitation = data.Invitations.FirstOrDefault(i => i.SecretHash == secretHash)
            ?? throw new EntityNotFoundException("L'invitation");
        if (invitation.UsedAt is not null)
        {
            throw new InvitationGoneException(expired: false);
        }
        if (now >= invitation.ExpiresAt)
        {
            throw new InvitationGoneException(expired: true);
        }
        return invitation;
    }

    /// <summary>Spends the invitation and makes the account a member with the invited role (an owner stays owner).</summary>
    public static ProjectData AcceptInvitation(ProjectData data, ProjectInvitation invitation, string userId, long version, DateTimeOffset now)
    {
        if (userId != invitation.Email)
        {
            throw new AccessDeniedException("Cette invitation est destinée à une autre adresse e-mail.");
        }
        var invitations = data.Invitations.Select(i => i == invitation ? i with { UsedAt = now } : i).ToArray();
        var existing = data.Members.FirstOrDefault(m => m.UserId == userId);
        var role = existing?.Role == ProjectRole.Owner ? ProjectRole.Owner : invitation.Role;
        var members = data.Members.Where(m => m.UserId != userId).Append(new ProjectMember(userId, role, existing?.Since ?? now)).ToArray();
        return Log(data with { Invitations = invitations, Members = members }, version, now, "member-joined",
            $"{userId} rejoint l'équipe du projet ({RoleLabel(role)}).");
    }

    public static ProjectData ChangeMemberRole(ProjectData data, string userId, ProjectRole role, long version, DateTimeOffset now)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ValidationFailedException("role", "Valeur inconnue.");
        }
        var member = data.Members.FirstOrDefault(m => m.UserId == userId) ?? throw new EntityNotFoundException("Ce membre du projet");
        if (member.Role == ProjectRole.Owner && role != ProjectRole.Owner)
        {
            RequireAnotherOwner(data, userId);
        }
        var members = data.Members.Select(m => m.UserId == userId ? m with { Role = role } : m).ToArray();
        return Log(data with { Members = members }, version, now, "member-role-changed", $"{userId} : {RoleLabel(role)}.");
    }

    public static ProjectData RemoveMember(ProjectData data, string userId, long version, DateTimeOffset now)
    {
        var member = data.Members.FirstOrDefault(m => m.UserId == userId) ?? throw new EntityNotFoundException("Ce membre du projet");
        if (member.Role == ProjectRole.Owner)
        {
            RequireAnotherOwner(data, userId);
        }
        return Log(data with { Members = data.Members.Where(m => m.UserId != userId).ToArray() }, version, now, "member-removed",
            $"{userId} quitte l'équipe du projet.");
    }

    private static void RequireAnotherOwner(ProjectData data, string userId)
    {
        if (!data.Members.Any(m => m.Role == ProjectRole.Owner && m.UserId != userId))
        {
            throw new RuleViolationException("last-owner", "Le dernier propriétaire ne peut pas quitter le projet : nommez d'abord un autre propriétaire.");
        }
    }

    private static string RoleLabel(ProjectRole role) => role switch
    {
        ProjectRole.Owner => "propriétaire",
        ProjectRole.Editor => "éditeur",
        _ => "lecteur",
    };

    public static ProjectData UpdateCharter(ProjectData data, ProjectCharter charter, long version, DateTimeOffset now) =>
        Log(data with { Charter = charter }, version, now, "updated", "Fiche du projet mise à jour.");

    /// <summary>Null when the project already has that status: nothing to change.</summary>
    public static ProjectData? ChangeStatus(ProjectData data, ProjectStatus status, long version, DateTimeOffset now)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ValidationFailedException("status", "Valeur inconnue.");
        }
        if (status == data.Status)
        {
            return null;
        }
        if (!AllowedTransitions[data.Status].Contains(status))
        {
            throw new RuleViolationException("status-transition",
                $"Un projet « {StatusLabel(data.Status)} » ne peut pas passer à « {StatusLabel(status)} ».");
        }
        if (status == ProjectStatus.Active && !CoversBothRegions(data.Partners))
        {
            throw new RuleViolationException("partners-from-both-regions",
                "Un projet ne devient actif qu'avec au moins un partenaire de Kaolack et un de l'Oriental.");
        }
        return Log(data with { Status = status }, version, now, "status-changed",
            $"Statut : {StatusLabel(data.Status)} → {StatusLabel(status)}.");
    }

    /// <summary>Null when the organisation is already a partner.</summary>
    public static ProjectData? AddPartner(ProjectData data, PartnerInfo partner, long version, DateTimeOffset now)
    {
        if (data.Partners.Any(p => p.Kind == partner.Kind && p.Slug == partner.Slug))
        {
            return null;
        }
        if (data.Partners.Length >= PartnerLimit)
        {
            throw new RuleViolationException("partner-limit", $"Un projet compte {PartnerLimit} partenaires au plus.");
        }
        var added = new ProjectPartner(partner.Kind, partner.Slug, partner.Name, partner.Region, now);
        return Log(data with { Partners = [.. data.Partners, added] }, version, now, "partner-added",
            $"{partner.Name} ({RegionLabel(partner.Region)}) rejoint le projet.");
    }

    public static ProjectData RemovePartner(ProjectData data, PartnerRef partner, long version, DateTimeOffset now)
    {
        var removed = data.Partners.FirstOrDefault(p => p.Kind == partner.Kind && p.Slug == partner.Slug)
            ?? throw new EntityNotFoundException("Ce partenaire du projet");
        var remaining = data.Partners.Where(p => p != removed).ToArray();
        if (data.Status is ProjectStatus.Active or ProjectStatus.AtRisk && !CoversBothRegions(remaining))
        {
            throw new RuleViolationException("partners-from-both-regions",
                "Un projet en cours doit garder au moins un partenaire de chaque région.");
        }
        return Log(data with { Partners = remaining }, version, now, "partner-removed", $"{removed.Name} quitte le projet.");
    }

    public static ContributionInput Normalize(ContributionInput input) => input with
    {
        From = Text.Clean(input.From),
        Note = Text.Clean(input.Note),
    };

    public static void Validate(ContributionInput input, DateOnly today)
    {
        var v = new Validation();
        v.Required("from", input.From, 120);
        v.Money("amount", input.Amount, required: true, positive: true);
        if (input.ReceivedOn.Year < 2000 || input.ReceivedOn > today.AddDays(1))
        {
            v.Add("receivedOn", "Date de réception invalide (entre 2000 et aujourd'hui).");
        }
        v.MaxLength("note", input.Note, 500);
        v.ThrowIfInvalid();
    }

    public static ProjectData AddContribution(ProjectData data, ContributionInput input, long version, DateTimeOffset now)
    {
        if (data.Contributions.Length >= ContributionLimit)
        {
            throw new RuleViolationException("contribution-limit", $"{ContributionLimit} contributions au plus par projet.");
        }
        var number = data.Contributions.Length == 0 ? 1 : data.Contributions.Max(c => c.Number) + 1;
        var contribution = new Contribution(number, input, now);
        return Log(data with { Contributions = [.. data.Contributions, contribution] }, version, now, "contribution-added",
            $"Contribution reçue — {input.From} : {FormatMoney(input.Amount)}.");
    }

    public static bool CoversBothRegions(IEnumerable<ProjectPartner> partners)
    {
        var regions = partners.Select(p => p.Region).ToHashSet();
        return regions.Contains(Region.Kaolack) && regions.Contains(Region.Oriental);
    }

    public static DirectoryEntry ToDirectoryEntry(ProjectData data, EntityMeta meta) => new()
    {
        Kind = EntityKind.Project,
        Slug = meta.Slug,
        Name = data.Charter.Title,
        Regions = data.Partners.Select(p => p.Region).Distinct().Order().ToArray(),
        Place = "",
        ValueChains = data.Charter.ValueChains,
        Status = data.Status,
        Summary = data.Charter.Summary,
        Keywords = [.. data.Partners.Select(p => p.Name), .. data.Charter.SdgTags.Select(tag => $"ODD {tag}")],
        Version = meta.Version,
        UpdatedAt = meta.UpdatedAt,
        Readers = [.. data.Members.Select(m => m.UserId)],
        Format = DirectoryEntry.CurrentFormat,
    };

    /// <summary>A workshop linked to the project ended: its summary line joins the activity log.</summary>
    public static ProjectData RecordWorkshop(ProjectData data, string text, long version, DateTimeOffset now) =>
        Log(data, version, now, "workshop-summary", text);

    private static ProjectData Log(ProjectData data, long version, DateTimeOffset now, string kind, string text)
    {
        var entry = new ActivityEntry(version, now, kind, text);
        var activity = data.Activity.Length >= ActivityLimit
            ? [.. data.Activity.Skip(data.Activity.Length - ActivityLimit + 1), entry]
            : (ActivityEntry[])[.. data.Activity, entry];
        return data with { Activity = activity };
    }

    private static string FormatMoney(Money money) =>
        $"{money.Amount.ToString("N0", French)} {money.Currency.ToString().ToUpperInvariant()}";

    private static string StatusLabel(ProjectStatus status) => status switch
    {
        ProjectStatus.Proposed => "proposé",
        ProjectStatus.Active => "actif",
        ProjectStatus.AtRisk => "en difficulté",
        ProjectStatus.Completed => "achevé",
        _ => "annulé",
    };

    private static string RegionLabel(Region region) => region == Region.Kaolack ? "Kaolack" : "Oriental";
}
