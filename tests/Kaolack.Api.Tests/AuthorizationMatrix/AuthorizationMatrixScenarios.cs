using System.Collections.Immutable;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Tests.AuthorizationMatrix;

/// <summary>One request of the matrix, with what to read before and after it and how to check an allowed answer.</summary>
public sealed record MatrixCall(HttpMethod Method, string Path, object? Body = null, long? IfMatch = null)
{
    /// <summary>State this call aims at beyond the target project and organisations; a refused call must leave it as it was.</summary>
    public Func<Task<string>>? Probe { get; init; }

    /// <summary>Checks an allowed answer's body precisely; returns what is wrong, or null.</summary>
    public Func<JsonElement, Task<string?>>? Verify { get; init; }

    /// <summary>Checks an allowed answer that is not JSON (a CSV export) from its text; returns what is wrong, or null.</summary>
    public Func<string, Task<string?>>? VerifyText { get; init; }
}

/// <summary>
/// Builds the call for one identity. <c>allowed</c> says whether the table expects success: a write expected to
/// succeed goes to a fresh copy made for that identity alone, so the shared target never changes and the cases stay
/// independent; a call expected to be refused goes to the shared target, which must then be unchanged.
/// </summary>
public delegate Task<MatrixCall> MatrixScenario(AuthorizationMatrixFixture world, Who who, bool allowed);

/// <summary>A valid call for every endpoint, with route values taken from the matrix's world.</summary>
public static class MatrixScenarios
{
    private const string Project = AuthorizationMatrixFixture.ProjectSlug;

    // ----- accounts -----

    public static Task<MatrixCall> Register(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = $"{world.Unique("inscrit")}@matrix.example.org";
        return Done(new MatrixCall(HttpMethod.Post, "/api/auth/register", Samples.Registration(email, "matrix-password-1"))
        {
            Probe = () => world.ReadAccount(email),
            Verify = async body =>
            {
                var account = await world.Host.Grains.GetGrain<IUserGrain>(email).Get();
                return body.GetProperty("email").GetString() == email && account is { Verified: false } ? null : $"registered {body}, account {account}";
            },
        });
    }

    /// <summary>A fresh registration's address verified with its e-mailed link; the answer is a bearer token for it.</summary>
    public static async Task<MatrixCall> Verify(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = $"{world.Unique("a-verifier")}@matrix.example.org";
        await world.Must(Who.Anonymous, HttpMethod.Post, "/api/auth/register", Samples.Registration(email, AuthorizationMatrixFixture.MatrixPassword),
            expected: HttpStatusCode.Accepted);
        var link = await Kaolack.Testing.Outbox.WaitFor(world.Host, email, Kaolack.Contracts.Mail.MailKind.Verification);
        return new MatrixCall(HttpMethod.Post, "/api/auth/verify", new { token = Kaolack.Testing.Outbox.TokenOf(link.Link), password = AuthorizationMatrixFixture.MatrixPassword })
        {
            Verify = async body => body.TryGetProperty("accessToken", out var token) && token.GetString()?.Length > 0
                && (await world.Host.Grains.GetGrain<IUserGrain>(email).Get())?.Verified == true
                    ? null
                    : $"verified {body}",
        };
    }

    /// <summary>Ends the identity's own session: its token stops working; the matrix signs it in again.</summary>
    public static Task<MatrixCall> Logout(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        if (who is Who.Anonymous or Who.Guest)
        {
            return Done(new MatrixCall(HttpMethod.Post, "/api/auth/logout"));
        }
        var account = world.Account(who);
        var oldToken = account.Token;
        return Done(new MatrixCall(HttpMethod.Post, "/api/auth/logout")
        {
            Verify = async _ =>
            {
                var stale = await StatusWithToken(world, oldToken);
                await world.SignIn(account);
                return stale == HttpStatusCode.Unauthorized ? null : $"the signed-out token still answers {(int)stale}";
            },
        });
    }

    /// <summary>Signed in twice, the identity signs out everywhere: both tokens stop working; the matrix signs it in again.</summary>
    public static async Task<MatrixCall> LogoutEverywhere(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        if (who is Who.Anonymous or Who.Guest)
        {
            return new MatrixCall(HttpMethod.Post, "/api/auth/logout-everywhere")
            {
                Probe = async () => string.Join('\n', await Task.WhenAll(Identities.SignedIn.Select(w => world.ReadAccount(world.Account(w).Email)))),
            };
        }
        var account = world.Account(who);
        var other = await world.Host.SignInAsync(account.Email, account.Password);
        return new MatrixCall(HttpMethod.Post, "/api/auth/logout-everywhere")
        {
            Probe = () => world.ReadAccount(account.Email),
            Verify = async _ =>
            {
                var (first, second) = (await StatusWithToken(world, account.Token), await StatusWithToken(world, other));
                await world.SignIn(account);
                return (first, second) == (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized) ? null : $"sessions still answer {(int)first}, {(int)second}";
            },
        };
    }

    /// <summary>The identity keeps its name and region, and sets its organisation.</summary>
    public static async Task<MatrixCall> UpdateMe(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var current = who is Who.Anonymous or Who.Guest ? null : await world.Host.Grains.GetGrain<IUserGrain>(world.Account(who).Email).Get();
        var profile = new AccountProfile
        {
            DisplayName = current?.DisplayName ?? "Personne",
            Organisation = $"Organisation de {who}",
            Region = current?.Region ?? UserRegion.Kaolack,
            Language = current?.Language ?? UiLanguage.Fr,
        };
        return new MatrixCall(HttpMethod.Put, "/api/auth/me", profile)
        {
            Probe = async () => string.Join('\n', await Task.WhenAll(Identities.SignedIn.Select(w => world.ReadAccount(world.Account(w).Email)))),
            Verify = body => Expect(body.GetProperty("email").GetString() == world.Account(who).Email
                && body.GetProperty("organisation").GetString() == $"Organisation de {who}", $"me {body}"),
        };
    }

    /// <summary>Asks for a reset link of the login subject: the answer is the same for everyone, and the link is e-mailed.</summary>
    public static Task<MatrixCall> RequestPasswordReset(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Post, "/api/auth/password-reset", new { email = world.LoginSubjectEmail })
        {
            Verify = async _ => (await Kaolack.Testing.Outbox.WaitFor(world.Host, world.LoginSubjectEmail, Kaolack.Contracts.Mail.MailKind.PasswordReset)).Link.Length > 0
                ? null
                : "no reset e-mail",
        });

    /// <summary>A fresh account's e-mailed reset link, used: its new password works.</summary>
    public static async Task<MatrixCall> ResetPassword(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = await world.RegisterFresh("oubli");
        await world.Must(Who.Anonymous, HttpMethod.Post, "/api/auth/password-reset", new { email }, expected: HttpStatusCode.Accepted);
        var link = await Kaolack.Testing.Outbox.WaitFor(world.Host, email, Kaolack.Contracts.Mail.MailKind.PasswordReset);
        return new MatrixCall(HttpMethod.Post, "/api/auth/password-reset/confirm", new { token = Kaolack.Testing.Outbox.TokenOf(link.Link), newPassword = "matrix-password-reset" })
        {
            Verify = async _ =>
            {
                await world.Host.SignInAsync(email, "matrix-password-reset");
                return null;
            },
        };
    }

    // ----- administration -----

    public static Task<MatrixCall> ListUsers(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/admin/users?q={Uri.EscapeDataString(world.LoginSubjectEmail)}")
        {
            Verify = body => Expect(body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("email").GetString())
                .SequenceEqual([world.LoginSubjectEmail]), $"users {body}"),
        });

    public static Task<MatrixCall> OpenUser(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = $"{world.Unique("ouvert")}@matrix.example.org";
        return Done(new MatrixCall(HttpMethod.Post, "/api/admin/users",
            new NewAccount { Email = email, DisplayName = "Compte ouvert", Region = UserRegion.Oriental, Language = UiLanguage.Fr, Roles = [Role.Member] })
        {
            Probe = () => world.ReadAccount(email),
            Verify = body => Expect(body.GetProperty("account").GetProperty("email").GetString() == email
                && body.GetProperty("link").GetProperty("link").GetString()?.Contains("/#/mot-de-passe/", StringComparison.Ordinal) == true,
                $"opened {body}"),
        });
    }

    public static async Task<MatrixCall> SetSuspension(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = allowed ? await world.RegisterFresh("suspendu") : world.RoleSubjectEmail;
        return new MatrixCall(HttpMethod.Put, $"/api/admin/users/{email}/suspension", new { suspended = true })
        {
            Probe = () => world.ReadAccount(email),
            Verify = body => Expect(body.GetProperty("suspended").GetBoolean(), $"suspension {body}"),
        };
    }

    public static async Task<MatrixCall> IssuePasswordReset(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = allowed ? await world.RegisterFresh("lien") : world.RoleSubjectEmail;
        return new MatrixCall(HttpMethod.Post, $"/api/admin/users/{email}/password-reset")
        {
            Probe = () => world.ReadAccount(email),
            Verify = body => Expect(body.GetProperty("link").GetString()?.Contains("/#/mot-de-passe/", StringComparison.Ordinal) == true
                && body.GetProperty("mailed").GetBoolean(), $"link {body}"),
        };
    }

    public static Task<MatrixCall> Outbox(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, "/api/admin/outbox?limit=5")
        {
            Verify = body => Expect(body.GetArrayLength() is > 0 and <= 5, $"outbox {body}"),
        });

    private static async Task<HttpStatusCode> StatusWithToken(AuthorizationMatrixFixture world, string token)
    {
        using var response = await world.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/me")
        {
            Headers = { Authorization = new("Bearer", token) },
        });
        return response.StatusCode;
    }

    public static Task<MatrixCall> Login(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Post, "/api/auth/login", new { email = world.LoginSubjectEmail, password = world.LoginSubjectPassword })
        {
            Verify = body => Expect(body.TryGetProperty("accessToken", out var token) && token.GetString()?.Length > 0, $"no token in {body}"),
        });

    public static Task<MatrixCall> Me(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, "/api/auth/me")
        {
            Verify = body => Expect(body.GetProperty("email").GetString() == world.Account(who).Email, $"me is {body}"),
        });

    /// <summary>The identity changes its own password; the matrix signs it in again with the new one.</summary>
    public static Task<MatrixCall> ChangePassword(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        if (who is Who.Anonymous or Who.Guest)
        {
            // No account to aim at: every identity's account (and its sessions' stamp) must stay as it was.
            return Done(new MatrixCall(HttpMethod.Post, "/api/auth/password", new { currentPassword = "matrix-password-1", newPassword = "matrix-password-2" })
            {
                Probe = async () => string.Join('\n', await Task.WhenAll(Identities.SignedIn.Select(w => world.ReadAccount(world.Account(w).Email)))),
            });
        }
        var account = world.Account(who);
        var oldToken = account.Token;
        var next = $"{world.Unique("nouveau-mot-de-passe")}-matrix";
        return Done(new MatrixCall(HttpMethod.Post, "/api/auth/password", new { currentPassword = account.Password, newPassword = next })
        {
            Probe = () => world.ReadAccount(account.Email),
            Verify = async _ =>
            {
                account.Password = next;
                await world.SignIn(account);
                // The session that changed the password used a bearer token: the old stamp ends it.
                using var stale = await world.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/me")
                {
                    Headers = { Authorization = new("Bearer", oldToken) },
                });
                return stale.StatusCode == System.Net.HttpStatusCode.Unauthorized ? null : $"old token still answers {(int)stale.StatusCode}";
            },
        });
    }

    public static async Task<MatrixCall> SetRoles(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var email = allowed ? await world.RegisterFresh("sujet") : world.RoleSubjectEmail;
        return new MatrixCall(HttpMethod.Put, $"/api/admin/users/{email}/roles", new { roles = new[] { Role.Admin } })
        {
            Probe = () => world.ReadAccount(email),
            Verify = body => Expect(body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).SequenceEqual(["admin"]), $"roles {body}"),
        };
    }

    // ----- invitations -----

    public static Task<MatrixCall> DescribeInvitation(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/invitations/{world.InvitationToken}")
        {
            Verify = body => Expect(
                body.GetProperty("projectSlug").GetString() == Project && body.GetProperty("email").GetString() == world.Account(Who.OtherMember).Email,
                $"invitation {body}"),
        });

    public static async Task<MatrixCall> AcceptInvitation(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var slug = Project;
        var token = world.InvitationToken;
        if (allowed)
        {
            slug = world.Unique("copie");
            token = await world.CreateProject(slug, $"Copie {slug}");
        }
        return new MatrixCall(HttpMethod.Post, $"/api/invitations/{token}/accept")
        {
            Probe = () => world.ReadAsAdmin($"/api/projects/{slug}"),
            Verify = body => Expect(body.GetProperty("projectSlug").GetString() == slug && body.GetProperty("role").GetString() == "viewer", $"accepted {body}"),
        };
    }

    // ----- projects -----

    public static Task<MatrixCall> ListProjects(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects?q={Project}&pageSize=100")
        {
            // The listing is open to every signed-in identity, but shows the target only to those who may read it.
            Verify = body =>
            {
                var listed = Slugs(body).Contains(Project);
                var reader = Identities.ProjectReaders.Contains(who);
                return Expect(listed == reader, $"target listed: {listed}, reader: {reader}");
            },
        });

    public static Task<MatrixCall> GetProject(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}") { Verify = body => ExpectSlug(body, Project) });

    /// <summary>The target's plan, as the fixture seeded it: one section at version 1.</summary>
    public static Task<MatrixCall> GetProjectPlan(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/plan")
        {
            Probe = () => world.ReadAsAdmin($"/api/projects/{Project}/plan"),
            Verify = body => Expect(
                body.GetProperty("version").GetInt64() == 1
                && PlanSectionIds(body).SequenceEqual([AuthorizationMatrixFixture.PlanSectionId]),
                $"plan {body}"),
        });

    // ----- plan history and named versions -----

    /// <summary>The history of the target's one section: its add, by the owner.</summary>
    public static Task<MatrixCall> GetPlanHistory(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/plan/history?entity={AuthorizationMatrixFixture.PlanSectionId}")
        {
            Verify = body => Expect(
                body.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("change").GetString(), e.GetProperty("userId").GetString()))
                    .SequenceEqual([("add", world.Account(Who.Owner).Email)]),
                $"history {body}"),
        });

    public static Task<MatrixCall> ListPlanVersions(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/plan/versions")
        {
            Verify = body => Expect(
                body.EnumerateArray().Select(v => v.GetProperty("name").GetString()).SequenceEqual([AuthorizationMatrixFixture.PlanVersionName]),
                $"versions {body}"),
        });

    public static Task<MatrixCall> GetPlanVersion(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/plan/versions/1")
        {
            Verify = body => Expect(
                body.GetProperty("info").GetProperty("name").GetString() == AuthorizationMatrixFixture.PlanVersionName
                && PlanSectionIds(body).SequenceEqual([AuthorizationMatrixFixture.PlanSectionId]),
                $"version {body}"),
        });

    /// <summary>Allowed: saves the (empty) plan of a fresh copy under the identity's name. Refused: the target keeps its one version.</summary>
    public static Task<MatrixCall> SavePlanVersion(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnPlan(world, allowed, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/projects/{slug}/plan/versions", new { name = $"Sauvée par {who}" })
        {
            Verify = body => Expect(
                body.GetProperty("name").GetString() == $"Sauvée par {who}" && body.GetProperty("id").GetInt64() == 1
                && body.GetProperty("userId").GetString() == world.Account(who).Email,
                $"saved {body}"),
        }));

    /// <summary>
    /// Allowed: a fresh copy's empty plan is saved, then given a section; restoring the save removes the section as a new
    /// edit (version 2). Refused: the target's plan and versions are unchanged.
    /// </summary>
    public static Task<MatrixCall> RestorePlanVersion(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnPlan(world, allowed, async slug =>
        {
            if (slug != Project)
            {
                await world.Must(Who.Owner, HttpMethod.Post, $"/api/projects/{slug}/plan/versions", new { name = "Vide" }, expected: HttpStatusCode.Created);
                await using var owner = world.Host.CreateHubConnection(world.Account(Who.Owner).Token);
                await owner.StartAsync();
                await owner.InvokeAsync<PlanAck>(nameof(Kaolack.Api.Live.LiveHub.SubmitPlanOp), slug, new PlanSubmission("matrice-restauration", 1, 0,
                    new PlanOp { Type = PlanOpType.Add, Kind = PlanEntityKind.Section, Id = "ajout", Order = "a0" }));
            }
            return new MatrixCall(HttpMethod.Post, $"/api/projects/{slug}/plan/versions/1/restore")
            {
                Verify = body => Expect(body.GetProperty("version").GetInt64() == 2 && PlanSectionIds(body).Length == 0, $"restored {body}"),
            };
        });

    public static Task<MatrixCall> CreateProject(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var slug = world.Unique("nouveau-projet");
        return Done(new MatrixCall(HttpMethod.Post, $"/api/projects?slug={slug}", Samples.Project($"Projet {slug}"))
        {
            Probe = () => world.ReadAsAdmin($"/api/projects/{slug}"),
            Verify = body => Expect(
                Slug(body) == slug && Members(body).SequenceEqual([(world.Account(who).Email, "owner")]),
                $"created {body}"),
        });
    }

    public static Task<MatrixCall> UpdateProject(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, async slug => new MatrixCall(HttpMethod.Put, $"/api/projects/{slug}",
            Samples.Project($"Titre changé par {who}"), await world.VersionOf($"/api/projects/{slug}"))
        {
            Verify = body => Expect(body.GetProperty("charter").GetProperty("title").GetString() == $"Titre changé par {who}", $"updated {body}"),
        });

    public static Task<MatrixCall> DeleteProject(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, async slug => new MatrixCall(HttpMethod.Delete, $"/api/projects/{slug}", null, await world.VersionOf($"/api/projects/{slug}"))
        {
            Verify = async _ => (await world.ReadAsAdmin($"/api/projects/{slug}")).StartsWith("404", StringComparison.Ordinal) ? null : "still there",
        });

    public static Task<MatrixCall> ChangeProjectStatus(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/projects/{slug}/status", new { status = ProjectStatus.Cancelled })
        {
            Verify = body => Expect(body.GetProperty("status").GetString() == "cancelled", $"status {body}"),
        }));

    public static Task<MatrixCall> AddProjectPartner(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/projects/{slug}/partners",
            new PartnerRef(EntityKind.DiasporaGroup, AuthorizationMatrixFixture.DiasporaGroupSlug))
        {
            Verify = body => Expect(PartnerSlugs(body).SequenceEqual([AuthorizationMatrixFixture.CooperativeSlug, AuthorizationMatrixFixture.DiasporaGroupSlug]),
                $"partners {body}"),
        }));

    public static Task<MatrixCall> RemoveProjectPartner(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Delete,
            $"/api/projects/{slug}/partners/cooperative/{AuthorizationMatrixFixture.CooperativeSlug}")
        {
            Verify = body => Expect(PartnerSlugs(body).Length == 0, $"partners {body}"),
        }));

    public static Task<MatrixCall> AddProjectContribution(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/projects/{slug}/contributions", Samples.Contribution())
        {
            Verify = body => Expect(body.GetProperty("contributions").GetArrayLength() == 1, $"contributions {body}"),
        }));

    public static Task<MatrixCall> InviteProjectMember(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/projects/{slug}/invitations",
            new { email = world.NewcomerEmail, role = ProjectRole.Editor })
        {
            Verify = body => Expect(
                body.GetProperty("email").GetString() == world.NewcomerEmail
                && body.GetProperty("token").GetString()?.StartsWith($"{slug}.", StringComparison.Ordinal) == true,
                $"invitation {body}"),
        }));

    /// <summary>Allowed: a fresh copy's pending invitation (to the other member) is withdrawn. Refused: the target's stays.</summary>
    public static Task<MatrixCall> RevokeProjectInvitation(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, async slug => new MatrixCall(HttpMethod.Delete, $"/api/projects/{slug}/invitations/{await world.PendingInvitationId(slug)}")
        {
            Verify = async _ => (await world.ReadAsAdmin($"/api/projects/{slug}/team")).Contains(world.Account(Who.OtherMember).Email, StringComparison.Ordinal)
                ? "the invitation is still pending"
                : null,
        });

    /// <summary>Every member by name; the pending invitation only for those who manage the team.</summary>
    public static Task<MatrixCall> GetProjectTeam(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/team")
        {
            Verify = body =>
            {
                var members = body.GetProperty("members").EnumerateArray()
                    .Select(m => (m.GetProperty("email").GetString(), m.GetProperty("displayName").GetString())).ToArray();
                var invitations = body.GetProperty("invitations").GetArrayLength();
                var manager = Identities.ProjectManagers.Contains(who);
                // Test accounts are named after their address's local part (SiloHost.RegisterAsync).
                return Expect(members.Length == 4 && members.All(m => m.Item2 == m.Item1?.Split('@')[0]) && invitations == (manager ? 1 : 0),
                    $"team {body}");
            },
        });

    public static Task<MatrixCall> ChangeProjectMemberRole(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Put, $"/api/projects/{slug}/members/{world.TeammateEmail}",
            new { role = ProjectRole.Editor })
        {
            Verify = body => Expect(Members(body).Contains((world.TeammateEmail, "editor")), $"members {body}"),
        }));

    /// <summary>Removing someone else (the teammate): leaving oneself is another rule.</summary>
    public static Task<MatrixCall> RemoveProjectMember(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnProject(world, allowed, slug => Done(new MatrixCall(HttpMethod.Delete, $"/api/projects/{slug}/members/{world.TeammateEmail}")
        {
            Verify = body => Expect(Members(body).All(m => m.Email != world.TeammateEmail) && Members(body).Length == 3, $"members {body}"),
        }));

    // ----- partner suggestions -----

    /// <summary>The target cooperative (Kaolack) is never offered itself nor a cooperative of its own region.</summary>
    public static Task<MatrixCall> SuggestCooperativePartners(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/cooperatives/{AuthorizationMatrixFixture.CooperativeSlug}/suggestions")
        {
            Verify = body => Expect(
                SuggestionsAreRanked(body)
                && body.GetProperty("items").EnumerateArray().All(item =>
                    item.GetProperty("slug").GetString() != AuthorizationMatrixFixture.CooperativeSlug
                    && (item.GetProperty("kind").GetString() != "cooperative" || item.GetProperty("region").GetString() == "oriental")),
                $"suggestions {body}"),
        });

    /// <summary>The target project is never offered its partner cooperative.</summary>
    public static Task<MatrixCall> SuggestProjectPartners(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/suggestions")
        {
            Verify = body => Expect(
                SuggestionsAreRanked(body)
                && body.GetProperty("items").EnumerateArray().All(item => item.GetProperty("slug").GetString() != AuthorizationMatrixFixture.CooperativeSlug),
                $"suggestions {body}"),
        });

    // ----- dashboards (issue #7): read-only; tables list the target only to those who may read it, and the indicators
    // count only what is listed (issue 20: totals told about hidden projects) -----

    public static Task<MatrixCall> GetDashboard(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, "/api/dashboard")
        {
            Verify = body =>
            {
                var rows = body.GetProperty("projects").GetArrayLength();
                var listed = body.GetProperty("projects").EnumerateArray().Any(p => p.GetProperty("slug").GetString() == Project);
                var reader = Identities.ProjectReaders.Contains(who);
                var counted = body.GetProperty("indicators").GetProperty("projects").GetInt32();
                return Expect(listed == reader && counted == rows,
                    $"target listed: {listed}, reader: {reader}, {rows} rows, indicators {body.GetProperty("indicators")}");
            },
        });

    public static MatrixScenario ExportDashboard(string file) => (world, who, allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/dashboard/{file}")
        {
            VerifyText = text =>
            {
                var rows = CsvReader.Parse(text.TrimStart('\uFEFF'));
                var listed = rows.Any(r => r[0] == Project);
                var expected = file == "projects.csv" && Identities.ProjectReaders.Contains(who);
                return Expect(rows.Count > 1 && listed == expected, $"target listed: {listed}, expected {expected}, in {rows.Count} rows");
            },
        });

    public static Task<MatrixCall> GetProjectSummary(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/projects/{Project}/summary")
        {
            Verify = body => Expect(body.GetProperty("slug").GetString() == Project && !body.ToString().Contains('@', StringComparison.Ordinal), $"summary {body}"),
        });

    // ----- hub -----

    /// <summary>
    /// Allowed: adds a section to the plan of a fresh copy of the target, answered at version 1 once stored, and read
    /// back over REST. Refused: the same op on the target's plan is answered "forbidden" and the plan is unchanged.
    /// Returns what is wrong, or null.
    /// </summary>
    public static async Task<string?> SubmitPlanOp(AuthorizationMatrixFixture world, HubConnection connection, Who who, bool allowed, string slug)
    {
        if (allowed)
        {
            slug = world.Unique("copie-plan");
            await world.CreateProject(slug, $"Copie {slug}");
        }
        var path = $"/api/projects/{slug}/plan";
        var before = await world.ReadAsAdmin(path);
        var section = $"par-{who.ToString().ToLowerInvariant()}";
        var submission = new PlanSubmission($"matrice-{who}", 1, 0, new PlanOp
        {
            Type = PlanOpType.Add,
            Kind = PlanEntityKind.Section,
            Id = section,
            Order = "z0",
            Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, $"Ajoutée par {who}"),
        });
        return await JudgeHubCall(allowed,
            () => connection.InvokeAsync<PlanAck>(nameof(Kaolack.Api.Live.LiveHub.SubmitPlanOp), slug, submission),
            async ack =>
            {
                if (ack != new PlanAck(1, null))
                {
                    return $"ack {ack}, expected version 1";
                }
                var plan = await world.Must(Who.Admin, HttpMethod.Get, path);
                return plan.GetProperty("version").GetInt64() == 1 && PlanSectionIds(plan).SequenceEqual([section])
                    ? null
                    : $"plan after the op: {plan}";
            },
            async () =>
            {
                var after = await world.ReadAsAdmin(path);
                return after == before ? null : $"refused, yet the plan changed:\n{before}\n---\n{after}";
            });
    }

    /// <summary>
    /// Allowed: the identity's client shows up in the presence of the target's plan under its account (and, for
    /// LeavePresence, is gone once it leaves), as an admin subscribing to "presence:{slug}" sees it. Refused: the call
    /// is answered "forbidden" and the clients present are the same as before. Returns what is wrong, or null.
    /// </summary>
    public static async Task<string?> Presence(AuthorizationMatrixFixture world, HubConnection connection, Who who, bool allowed, string slug, bool leave)
    {
        var clientId = $"matrice-{who}-{(leave ? "part" : "reste")}".ToLowerInvariant();
        await using var admin = world.Host.CreateHubConnection(world.TokenOf(Who.Admin));
        await admin.StartAsync();
        var before = await PresentClients(admin, slug);
        try
        {
            if (leave && allowed)
            {
                await connection.InvokeAsync(nameof(Kaolack.Api.Live.LiveHub.UpdatePresence), slug, new PresenceUpdate(clientId, null, null, null, null));
                var shown = await PresentClients(admin, slug);
                if (!shown.Contains($"{clientId}={world.Account(who).Email}"))
                {
                    return $"before leaving, {clientId} not present: {string.Join(", ", shown)}";
                }
                await connection.InvokeAsync(nameof(Kaolack.Api.Live.LiveHub.LeavePresence), slug, clientId);
            }
            else if (leave)
            {
                await connection.InvokeAsync(nameof(Kaolack.Api.Live.LiveHub.LeavePresence), slug, clientId);
            }
            else
            {
                await connection.InvokeAsync(nameof(Kaolack.Api.Live.LiveHub.UpdatePresence), slug,
                    new PresenceUpdate(clientId, PlanEntityKind.Section, AuthorizationMatrixFixture.PlanSectionId, PlanFields.Heading, 0));
            }
        }
        catch (HubException exception)
        {
            if (allowed)
            {
                return $"allowed, got {exception.Message}";
            }
            if (!exception.Message.Contains("HubException: forbidden: ", StringComparison.Ordinal))
            {
                return $"expected forbidden, got {exception.Message}";
            }
            var unchanged = await PresentClients(admin, slug);
            return unchanged.SequenceEqual(before) ? null : $"refused, yet presence changed:\n{string.Join(", ", before)}\n---\n{string.Join(", ", unchanged)}";
        }
        if (!allowed)
        {
            return "refusal expected, the call completed";
        }
        var after = await PresentClients(admin, slug);
        var present = after.Contains($"{clientId}={world.Account(who).Email}");
        return present != leave ? null : $"{clientId} {(leave ? "still present after leaving" : "not present")}: {string.Join(", ", after)}";
    }

    /// <summary>"clientId=userId" of everyone present in the plan of <paramref name="slug"/>, sorted.</summary>
    private static async Task<string[]> PresentClients(HubConnection admin, string slug)
    {
        var catchUp = await admin.InvokeAsync<Kaolack.Contracts.Live.CatchUp>(nameof(Kaolack.Api.Live.LiveHub.Subscribe), $"presence:{slug}", (long?)null);
        var list = ((JsonElement)catchUp.Events[^1].Data!).Deserialize<PresenceList>(Kaolack.Testing.SiloHost.Json)!;
        return [.. list.Entries.Select(e => $"{e.ClientId}={e.UserId}").Order(StringComparer.Ordinal)];
    }

    // ----- workshops (issue #6) -----

    public static Task<MatrixCall> ListWorkshops(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, "/api/workshops")
        {
            Verify = body => Expect(body.EnumerateArray().Any(w => w.GetProperty("id").GetString() == world.WorkshopId), $"target not listed: {body}"),
        });

    public static Task<MatrixCall> CreateWorkshop(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var title = $"Atelier {world.Unique("nouveau")}";
        return Done(new MatrixCall(HttpMethod.Post, "/api/workshops", Samples.Workshop(title))
        {
            Probe = () => world.ReadAsAdmin("/api/workshops"),
            Verify = body => Expect(
                body.GetProperty("details").GetProperty("title").GetString() == title
                && body.GetProperty("details").GetProperty("coaches")[0].GetString() == world.Account(who).Email
                && body.GetProperty("joinCode").GetString()?.Length == Kaolack.Grains.Workshops.JoinCodes.Length,
                $"created {body}"),
        });
    }

    /// <summary>Each identity reads the target as itself: its own participant id, coach or not.</summary>
    public static Task<MatrixCall> GetWorkshop(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/workshops/{world.WorkshopId}")
        {
            Verify = body => Expect(
                Slug(body) == world.WorkshopId
                && body.GetProperty("you").GetProperty("participantId").GetString() == world.Account(who).Email
                && body.GetProperty("you").GetProperty("isCoach").GetBoolean() == Identities.WorkshopCoaches.Contains(who),
                $"read {body}"),
        });

    public static Task<MatrixCall> UpdateWorkshop(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnWorkshop(world, allowed, async id => new MatrixCall(HttpMethod.Put, $"/api/workshops/{id}",
            Samples.Workshop($"Titre changé par {who}"), await world.VersionOf($"/api/workshops/{id}"))
        {
            Verify = body => Expect(body.GetProperty("details").GetProperty("title").GetString() == $"Titre changé par {who}", $"updated {body}"),
        });

    public static Task<MatrixCall> DeleteWorkshop(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnWorkshop(world, allowed, async id => new MatrixCall(HttpMethod.Delete, $"/api/workshops/{id}", null, await world.VersionOf($"/api/workshops/{id}"))
        {
            Verify = async _ => (await world.ReadWorkshop(id)).StartsWith("404", StringComparison.Ordinal) ? null : "still there",
        });

    /// <summary>Always on a fresh workshop (joining as a guest adds one): who has no account gets a guest session.</summary>
    public static async Task<MatrixCall> JoinWorkshop(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var (id, code) = await world.CreateWorkshop($"Atelier {world.Unique("rejoindre")}");
        var asGuest = who is Who.Anonymous or Who.Guest;
        return new MatrixCall(HttpMethod.Post, "/api/workshops/join", new { code, displayName = $"Invité {who}" })
        {
            Probe = () => world.ReadWorkshop(id),
            Verify = body => Expect(
                body.GetProperty("workshopId").GetString() == id
                && (body.GetProperty("guestId").GetString()?.StartsWith($"guest:{id}:", StringComparison.Ordinal) ?? false) == asGuest
                && (body.GetProperty("accessToken").ValueKind == JsonValueKind.String) == asGuest,
                $"joined {body}"),
        };
    }

    public static MatrixScenario WorkshopSummary(string extension) => (world, who, allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/workshops/{world.WorkshopId}/summary.{extension}")
        {
            Probe = () => world.ReadWorkshop(world.WorkshopId),
            Verify = body => Expect(body.GetString()?.StartsWith(extension == "md" ? "# Atelier cible de la matrice" : "Partie;Sujet;Détail;Valeur", StringComparison.Ordinal) == true,
                $"summary {body}"),
        });

    /// <summary>The summary as data: the target's title, for every account that reads it.</summary>
    public static Task<MatrixCall> WorkshopSummaryData(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/workshops/{world.WorkshopId}/summary")
        {
            Probe = () => world.ReadWorkshop(world.WorkshopId),
            Verify = body => Expect(body.GetProperty("id").GetString() == world.WorkshopId && body.GetProperty("title").GetString() == "Atelier cible de la matrice",
                $"summary {body}"),
        });

    /// <summary>A copy of the target: a new workshop the caller coaches, with the details sent.</summary>
    public static Task<MatrixCall> CopyWorkshop(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var title = $"Copie {world.Unique("copie")}";
        return Done(new MatrixCall(HttpMethod.Post, $"/api/workshops/{world.WorkshopId}/copies", Samples.Workshop(title))
        {
            Probe = () => world.ReadAsAdmin("/api/workshops"),
            Verify = body => Expect(
                body.GetProperty("details").GetProperty("title").GetString() == title
                && body.GetProperty("details").GetProperty("coaches")[0].GetString() == world.Account(who).Email
                && body.GetProperty("meta").GetProperty("slug").GetString() != world.WorkshopId,
                $"copied {body}"),
        });
    }

    public static Task<MatrixCall> ListWorkshopTemplates(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, "/api/workshop-templates") { Verify = body => Expect(body.ValueKind == JsonValueKind.Array, $"listed {body}") });

    /// <summary>The target saved as a template under a fresh name; the list an admin reads must not change when refused.</summary>
    public static Task<MatrixCall> SaveWorkshopTemplate(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var name = $"Modèle {world.Unique("modele")}";
        return Done(new MatrixCall(HttpMethod.Post, "/api/workshop-templates", new Kaolack.Api.Workshops.TemplateRequest(world.WorkshopId, name))
        {
            Probe = () => world.ReadAsAdmin("/api/workshop-templates"),
            Verify = body => Expect(body.GetProperty("name").GetString() == name && body.GetProperty("createdBy").GetString() == world.Account(who).Email,
                $"saved {body}"),
        });
    }

    /// <summary>Always on a template the coach identity saved just now (its author; admins delete any).</summary>
    public static async Task<MatrixCall> DeleteWorkshopTemplate(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var id = await world.SaveTemplate();
        return new MatrixCall(HttpMethod.Delete, $"/api/workshop-templates/{id}")
        {
            Probe = () => world.ReadAsAdmin("/api/workshop-templates"),
            Verify = async _ => (await world.ReadAsAdmin("/api/workshop-templates")).Contains(id, StringComparison.Ordinal) ? "still listed" : null,
        };
    }

    public static async Task<MatrixCall> StartWorkshopFromTemplate(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var id = await world.SaveTemplate();
        var title = $"Depuis un modèle {world.Unique("depuis")}";
        return new MatrixCall(HttpMethod.Post, $"/api/workshop-templates/{id}/workshops", Samples.Workshop(title))
        {
            Probe = () => world.ReadAsAdmin("/api/workshops"),
            Verify = body => Expect(
                body.GetProperty("details").GetProperty("title").GetString() == title
                && body.GetProperty("columns").GetArrayLength() == 1,
                $"started {body}"),
        };
    }

    /// <summary>
    /// Allowed: a participant command (a note on the target's board) or a coach command (bring everyone to the first item)
    /// is acknowledged at a new version, which an admin reads. Refused: "forbidden", and the version is unchanged.
    /// </summary>
    public static async Task<string?> WorkshopCommand(AuthorizationMatrixFixture world, HubConnection connection, Who who, bool allowed, bool coach)
    {
        var before = await world.ReadWorkshop(world.WorkshopId);
        Kaolack.Contracts.Workshops.WorkshopCommand command = coach
            ? new BringEveryoneTo(0)
            : new AddNote($"note-{who}".ToLowerInvariant(), AuthorizationMatrixFixture.WorkshopColumnId, $"Idée de {who}");
        return await JudgeHubCall(allowed,
            () => connection.InvokeAsync<WorkshopAck>(nameof(Kaolack.Api.Live.LiveHub.SendWorkshopCommand), world.WorkshopId, command),
            async ack =>
            {
                var read = await world.ReadWorkshop(world.WorkshopId);
                return read == $"200 \"{ack.Version}\"" ? null : $"acknowledged v{ack.Version}, admin reads {read}";
            },
            async () =>
            {
                var after = await world.ReadWorkshop(world.WorkshopId);
                return after == before ? null : $"refused, yet the workshop changed: {before} → {after}";
            });
    }

    /// <summary>
    /// The target workshop's notes: allowed, a section added at the notes' current version is acknowledged at the next;
    /// refused, "forbidden" and the notes keep their version. Versions are read over the hub as the admin.
    /// </summary>
    public static async Task<string?> SubmitNotesOp(AuthorizationMatrixFixture world, HubConnection connection, Who who, bool allowed)
    {
        await using var admin = world.Host.CreateHubConnection(world.TokenOf(Who.Admin));
        await admin.StartAsync();
        async Task<long> NotesVersion() =>
            (await admin.InvokeAsync<Kaolack.Contracts.Live.CatchUp>(nameof(Kaolack.Api.Live.LiveHub.Subscribe), $"plan:{world.WorkshopNotes}", (long?)null)).Version;
        var before = await NotesVersion();
        var submission = new PlanSubmission($"matrice-notes-{who}", 1, before, new PlanOp
        {
            Type = PlanOpType.Add,
            Kind = PlanEntityKind.Section,
            Id = $"notes-{who}".ToLowerInvariant(),
            Order = "z0",
            Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, $"Notes de {who}"),
        });
        return await JudgeHubCall(allowed,
            () => connection.InvokeAsync<PlanAck>(nameof(Kaolack.Api.Live.LiveHub.SubmitPlanOp), world.WorkshopNotes, submission),
            async ack => ack == new PlanAck(before + 1, null) && await NotesVersion() == before + 1 ? null : $"ack {ack} after v{before}",
            async () =>
            {
                var after = await NotesVersion();
                return after == before ? null : $"refused, yet the notes moved from v{before} to v{after}";
            });
    }

    /// <summary>
    /// Judges a hub call of the matrix: allowed, it must complete and its answer pass <paramref name="verify"/>; refused,
    /// it must be answered "forbidden" (SignalR prefixes the hub's message with its own text) and <paramref name="unchanged"/>
    /// must find nothing changed. Each returns what is wrong, or null.
    /// </summary>
    public static async Task<string?> JudgeHubCall<T>(bool allowed, Func<Task<T>> call, Func<T, Task<string?>> verify, Func<Task<string?>> unchanged)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(verify);
        ArgumentNullException.ThrowIfNull(unchanged);
        T answer;
        try
        {
            answer = await call();
        }
        catch (HubException exception)
        {
            if (allowed)
            {
                return $"allowed, got {exception.Message}";
            }
            return exception.Message.Contains("HubException: forbidden: ", StringComparison.Ordinal)
                ? await unchanged()
                : $"expected forbidden, got {exception.Message}";
        }
        return allowed ? await verify(answer) : $"refusal expected, got {answer}";
    }

    // ----- organisations (cooperatives and diaspora groups share their endpoints' shape) -----

    public static MatrixScenario ListOrganisations(string plural, string targetSlug) => (world, who, allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/{plural}?q={targetSlug}&pageSize=100")
        {
            Verify = body => Expect(Slugs(body).Contains(targetSlug), $"{targetSlug} not listed: {body}"),
        });

    public static MatrixScenario GetOrganisation(string plural, string targetSlug) => (world, who, allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/{plural}/{targetSlug}") { Verify = body => ExpectSlug(body, targetSlug) });

    public static MatrixScenario CreateOrganisation(string plural, Func<string, object> profile) => (world, who, allowed) =>
    {
        var slug = world.Unique($"nouveau-{plural}");
        return Done(new MatrixCall(HttpMethod.Post, $"/api/{plural}?slug={slug}", profile($"Organisation {slug}"))
        {
            Probe = () => world.ReadAsAdmin($"/api/{plural}/{slug}"),
            Verify = body => Expect(Slug(body) == slug && OrganisationMembers(body).SequenceEqual([world.Account(who).Email]), $"created {body}"),
        });
    };

    public static MatrixScenario UpdateOrganisation(string plural, string targetSlug, Func<string, object> profile, Func<AuthorizationMatrixFixture, string, string, Task> copy) =>
        (world, who, allowed) => OnOrganisation(world, allowed, plural, targetSlug, copy, async slug => new MatrixCall(HttpMethod.Put, $"/api/{plural}/{slug}",
            profile($"Nom changé par {who}"), await world.VersionOf($"/api/{plural}/{slug}"))
        {
            Verify = body => Expect(body.GetProperty("profile").GetProperty("name").GetString() == $"Nom changé par {who}", $"updated {body}"),
        });

    public static MatrixScenario DeleteOrganisation(string plural, string targetSlug, Func<AuthorizationMatrixFixture, string, string, Task> copy) =>
        (world, who, allowed) => OnOrganisation(world, allowed, plural, targetSlug, copy, async slug => new MatrixCall(HttpMethod.Delete, $"/api/{plural}/{slug}",
            null, await world.VersionOf($"/api/{plural}/{slug}"))
        {
            Verify = async _ => (await world.ReadAsAdmin($"/api/{plural}/{slug}")).StartsWith("404", StringComparison.Ordinal) ? null : "still there",
        });

    public static MatrixScenario AddOrganisationMember(string plural, string targetSlug, Func<AuthorizationMatrixFixture, string, string, Task> copy) =>
        (world, who, allowed) => OnOrganisation(world, allowed, plural, targetSlug, copy, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/{plural}/{slug}/members",
            new { email = world.NewcomerEmail })
        {
            Verify = body => Expect(OrganisationMembers(body).Contains(world.NewcomerEmail), $"members {body}"),
        }));

    /// <summary>Removing someone else (the teammate): leaving oneself is another rule.</summary>
    public static MatrixScenario RemoveOrganisationMember(string plural, string targetSlug, Func<AuthorizationMatrixFixture, string, string, Task> copy) =>
        (world, who, allowed) => OnOrganisation(world, allowed, plural, targetSlug, copy, slug => Done(new MatrixCall(HttpMethod.Delete,
            $"/api/{plural}/{slug}/members/{world.TeammateEmail}")
        {
            Verify = body => Expect(!OrganisationMembers(body).Contains(world.TeammateEmail) && OrganisationMembers(body).Length == 1, $"members {body}"),
        }));

    // ----- offers and needs -----

    public static Task<MatrixCall> ListExchanges(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/exchanges?q={AuthorizationMatrixFixture.ExchangeSlug}&pageSize=100")
        {
            Verify = body => Expect(Slugs(body).Contains(AuthorizationMatrixFixture.ExchangeSlug), $"not listed: {body}"),
        });

    public static Task<MatrixCall> GetExchange(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/exchanges/{AuthorizationMatrixFixture.ExchangeSlug}")
        {
            Verify = body => ExpectSlug(body, AuthorizationMatrixFixture.ExchangeSlug),
        });

    public static Task<MatrixCall> MatchExchange(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        Done(new MatrixCall(HttpMethod.Get, $"/api/exchanges/{AuthorizationMatrixFixture.ExchangeSlug}/matches")
        {
            Verify = body => Expect(body.ValueKind == JsonValueKind.Array
                && body.EnumerateArray().All(m => m.GetProperty("slug").GetString() != AuthorizationMatrixFixture.ExchangeSlug), $"matches {body}"),
        });

    public static Task<MatrixCall> CreateExchange(AuthorizationMatrixFixture world, Who who, bool allowed)
    {
        var slug = world.Unique("annonce");
        return Done(new MatrixCall(HttpMethod.Post, $"/api/exchanges?slug={slug}",
            Samples.Need(new PartnerRef(EntityKind.Organisation, AuthorizationMatrixFixture.OrganisationSlug)))
        {
            Probe = () => world.ReadAsAdmin($"/api/exchanges/{slug}"),
            Verify = body => Expect(Slug(body) == slug, $"created {body}"),
        });
    }

    public static Task<MatrixCall> ReplyToExchange(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnExchange(world, allowed, world.CreateExchange, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/exchanges/{slug}/replies",
            new { organisation = new PartnerRef(EntityKind.Organisation, AuthorizationMatrixFixture.OrganisationSlug), text = $"Réponse de {who}" })
        {
            Verify = body => Expect(body.GetProperty("replies")[0].GetProperty("text").GetString() == $"Réponse de {who}", $"replied {body}"),
        }));

    public static Task<MatrixCall> CloseExchange(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnExchange(world, allowed, world.CreateExchange, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/exchanges/{slug}/status", new { status = "closed" })
        {
            Verify = body => Expect(body.GetProperty("status").GetString() == "closed", $"status {body}"),
        }));

    public static Task<MatrixCall> StartExchangeProject(AuthorizationMatrixFixture world, Who who, bool allowed) =>
        OnExchange(world, allowed, world.CreateMatchedExchange, slug => Done(new MatrixCall(HttpMethod.Post, $"/api/exchanges/{slug}/project")
        {
            Verify = body => Expect(body.GetProperty("projectSlug").GetString() is { Length: > 0 }, $"project {body}"),
        }));

    // ----- helpers -----

    /// <summary>An allowed call goes to a fresh post made by <paramref name="copy"/>; a refused one to the shared target (or a matched copy).</summary>
    private static async Task<MatrixCall> OnExchange(AuthorizationMatrixFixture world, bool allowed, Func<string, Task> copy, Func<string, Task<MatrixCall>> call)
    {
        var slug = AuthorizationMatrixFixture.ExchangeSlug;
        if (allowed || copy != world.CreateExchange)
        {
            slug = world.Unique("copie-annonce");
            await copy(slug);
        }
        return await call(slug) with { Probe = () => world.ReadAsAdmin($"/api/exchanges/{slug}") };
    }

    private static async Task<MatrixCall> OnProject(AuthorizationMatrixFixture world, bool allowed, Func<string, Task<MatrixCall>> call)
    {
        var slug = Project;
        if (allowed)
        {
            slug = world.Unique("copie");
            await world.CreateProject(slug, $"Copie {slug}");
        }
        return await call(slug) with { Probe = () => world.ReadAsAdmin($"/api/projects/{slug}") };
    }

    /// <summary>Like <see cref="OnProject"/>, with the plan and its named versions as what a refused call must leave unchanged.</summary>
    private static async Task<MatrixCall> OnPlan(AuthorizationMatrixFixture world, bool allowed, Func<string, Task<MatrixCall>> call)
    {
        var slug = Project;
        if (allowed)
        {
            slug = world.Unique("copie-plan");
            await world.CreateProject(slug, $"Copie {slug}");
        }
        return await call(slug) with
        {
            Probe = async () => await world.ReadAsAdmin($"/api/projects/{slug}/plan") + "\n" + await world.ReadAsAdmin($"/api/projects/{slug}/plan/versions"),
        };
    }

    private static async Task<MatrixCall> OnWorkshop(AuthorizationMatrixFixture world, bool allowed, Func<string, Task<MatrixCall>> call)
    {
        var id = world.WorkshopId;
        if (allowed)
        {
            (id, _) = await world.CreateWorkshop($"Copie {world.Unique("atelier")}");
        }
        return await call(id) with { Probe = () => world.ReadWorkshop(id) };
    }

    private static async Task<MatrixCall> OnOrganisation(AuthorizationMatrixFixture world, bool allowed, string plural, string targetSlug,
        Func<AuthorizationMatrixFixture, string, string, Task> copy, Func<string, Task<MatrixCall>> call)
    {
        var slug = targetSlug;
        if (allowed)
        {
            slug = world.Unique("copie");
            await copy(world, slug, $"Copie {slug}");
        }
        return await call(slug) with { Probe = () => world.ReadAsAdmin($"/api/{plural}/{slug}") };
    }

    private static Task<MatrixCall> Done(MatrixCall call) => Task.FromResult(call);

    private static Task<string?> Expect(bool condition, string failure) => Task.FromResult(condition ? null : failure);

    private static Task<string?> ExpectSlug(JsonElement body, string slug) => Expect(Slug(body) == slug, $"read {body}");

    private static string? Slug(JsonElement body) => body.GetProperty("meta").GetProperty("slug").GetString();

    private static HashSet<string?> Slugs(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("slug").GetString())];

    /// <summary>A list of at most the default 10, scores never rising, each with a reason.</summary>
    private static bool SuggestionsAreRanked(JsonElement body)
    {
        var items = body.GetProperty("items").EnumerateArray().ToArray();
        var scores = items.Select(item => item.GetProperty("score").GetInt32()).ToArray();
        return items.Length <= 10
            && scores.Zip(scores.Skip(1)).All(pair => pair.First >= pair.Second)
            && items.All(item => item.GetProperty("reasons").GetArrayLength() > 0);
    }

    private static string?[] PartnerSlugs(JsonElement project) =>
        [.. project.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("slug").GetString())];

    private static (string? Email, string? Role)[] Members(JsonElement project) =>
        [.. project.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("userId").GetString(), m.GetProperty("role").GetString()))];

    private static string?[] PlanSectionIds(JsonElement plan) =>
        [.. plan.GetProperty("document").GetProperty("sections").EnumerateArray().Select(section => section.GetProperty("id").GetString())];

    private static string?[] OrganisationMembers(JsonElement organisation) =>
        [.. organisation.GetProperty("members").EnumerateArray().Select(m => m.GetString())];
}
