using static Kaolack.Api.Tests.AuthorizationMatrix.AuthorizationMatrixFixture;
using static Kaolack.Api.Tests.AuthorizationMatrix.Identities;
using S = Kaolack.Api.Tests.AuthorizationMatrix.MatrixScenarios;

namespace Kaolack.Api.Tests.AuthorizationMatrix;

/// <summary>An API endpoint: who may call it, the exact success status, and how to make a valid call.</summary>
public sealed record EndpointRule(string Method, string Route, Who[] Allowed, HttpStatusCode Success, MatrixScenario Scenario)
{
    public string Name => $"{Method} {Route}";
}

/// <summary>A group of endpoints outside /api, by route prefix, with one request whose exact answer is known.</summary>
public sealed record ServiceRule(string Prefix, Who[] Allowed, string ProbeMethod, string ProbePath, HttpStatusCode Success);

/// <summary>
/// A hub method on one topic (for SubmitPlanOp, UpdatePresence and LeavePresence, the project slug it names; for
/// SendWorkshopCommand, "coach" or "participant": which kind of command). <see cref="AuthorizationMatrixFixture.TargetWorkshop"/>
/// in a topic stands for the target workshop's id, drawn when the world is built.
/// </summary>
public sealed record HubRule(string Method, string Topic, Who[] Allowed)
{
    public string Name => $"{Method}({Topic})";
}

/// <summary>
/// The expected access, written out. Every endpoint and hub method the running app has must appear here, and
/// everything here must exist: <see cref="AuthorizationMatrixTests"/> fails naming whatever differs.
/// A refused call answers 401 (anonymous) or 403 (signed in); the product never hides an existing entity behind 404.
/// </summary>
public static class AuthorizationMatrixTable
{
    public static readonly EndpointRule[] Endpoints =
    [
        // Accounts. Registering, signing in and out need no session; /me and /password need one.
        new("POST", "/api/auth/register", Everyone, HttpStatusCode.Accepted, S.Register),
        new("POST", "/api/auth/verify", Everyone, HttpStatusCode.OK, S.Verify),
        new("POST", "/api/auth/login", Everyone, HttpStatusCode.OK, S.Login),
        new("POST", "/api/auth/logout", Everyone, HttpStatusCode.NoContent, S.Logout),
        new("POST", "/api/auth/logout-everywhere", SignedIn, HttpStatusCode.NoContent, S.LogoutEverywhere),
        new("GET", "/api/auth/me", SignedIn, HttpStatusCode.OK, S.Me),
        new("PUT", "/api/auth/me", SignedIn, HttpStatusCode.OK, S.UpdateMe),
        new("POST", "/api/auth/password", SignedIn, HttpStatusCode.NoContent, S.ChangePassword),
        new("POST", "/api/auth/password-reset", Everyone, HttpStatusCode.Accepted, S.RequestPasswordReset),
        new("POST", "/api/auth/password-reset/confirm", Everyone, HttpStatusCode.NoContent, S.ResetPassword),

        // Administration: admins only, the outbox of e-mails included.
        new("GET", "/api/admin/users", AdminOnly, HttpStatusCode.OK, S.ListUsers),
        new("POST", "/api/admin/users", AdminOnly, HttpStatusCode.Created, S.OpenUser),
        new("PUT", "/api/admin/users/{email}/roles", AdminOnly, HttpStatusCode.OK, S.SetRoles),
        new("PUT", "/api/admin/users/{email}/suspension", AdminOnly, HttpStatusCode.OK, S.SetSuspension),
        new("POST", "/api/admin/users/{email}/password-reset", AdminOnly, HttpStatusCode.OK, S.IssuePasswordReset),
        new("GET", "/api/admin/outbox", AdminOnly, HttpStatusCode.OK, S.Outbox),

        // Cooperatives: every signed-in identity reads; members, coaches and admins create; its members and admins edit.
        new("GET", "/api/cooperatives/", SignedIn, HttpStatusCode.OK, S.ListOrganisations("cooperatives", CooperativeSlug)),
        new("GET", "/api/cooperatives/{slug}", SignedIn, HttpStatusCode.OK, S.GetOrganisation("cooperatives", CooperativeSlug)),
        new("POST", "/api/cooperatives/", Creators, HttpStatusCode.Created, S.CreateOrganisation("cooperatives", name => Samples.Cooperative(name))),
        new("PUT", "/api/cooperatives/{slug}", CooperativeEditors, HttpStatusCode.OK,
            S.UpdateOrganisation("cooperatives", CooperativeSlug, name => Samples.Cooperative(name), CopyCooperative)),
        new("DELETE", "/api/cooperatives/{slug}", CooperativeEditors, HttpStatusCode.NoContent,
            S.DeleteOrganisation("cooperatives", CooperativeSlug, CopyCooperative)),
        new("POST", "/api/cooperatives/{slug}/members", CooperativeEditors, HttpStatusCode.OK,
            S.AddOrganisationMember("cooperatives", CooperativeSlug, CopyCooperative)),
        new("DELETE", "/api/cooperatives/{slug}/members/{email}", CooperativeEditors, HttpStatusCode.OK,
            S.RemoveOrganisationMember("cooperatives", CooperativeSlug, CopyCooperative)),

        // Diaspora groups: the same rules; the target group's member is the other member.
        new("GET", "/api/diaspora-groups/", SignedIn, HttpStatusCode.OK, S.ListOrganisations("diaspora-groups", DiasporaGroupSlug)),
        new("GET", "/api/diaspora-groups/{slug}", SignedIn, HttpStatusCode.OK, S.GetOrganisation("diaspora-groups", DiasporaGroupSlug)),
        new("POST", "/api/diaspora-groups/", Creators, HttpStatusCode.Created, S.CreateOrganisation("diaspora-groups", name => Samples.DiasporaGroup(name))),
        new("PUT", "/api/diaspora-groups/{slug}", DiasporaGroupEditors, HttpStatusCode.OK,
            S.UpdateOrganisation("diaspora-groups", DiasporaGroupSlug, name => Samples.DiasporaGroup(name), CopyDiasporaGroup)),
        new("DELETE", "/api/diaspora-groups/{slug}", DiasporaGroupEditors, HttpStatusCode.NoContent,
            S.DeleteOrganisation("diaspora-groups", DiasporaGroupSlug, CopyDiasporaGroup)),
        new("POST", "/api/diaspora-groups/{slug}/members", DiasporaGroupEditors, HttpStatusCode.OK,
            S.AddOrganisationMember("diaspora-groups", DiasporaGroupSlug, CopyDiasporaGroup)),
        new("DELETE", "/api/diaspora-groups/{slug}/members/{email}", DiasporaGroupEditors, HttpStatusCode.OK,
            S.RemoveOrganisationMember("diaspora-groups", DiasporaGroupSlug, CopyDiasporaGroup)),

        // Organisations of every other kind: the same rules; the target organisation's member is the owner.
        new("GET", "/api/organisations/", SignedIn, HttpStatusCode.OK, S.ListOrganisations("organisations", OrganisationSlug)),
        new("GET", "/api/organisations/{slug}", SignedIn, HttpStatusCode.OK, S.GetOrganisation("organisations", OrganisationSlug)),
        new("POST", "/api/organisations/", Creators, HttpStatusCode.Created, S.CreateOrganisation("organisations", name => Samples.Organisation(name))),
        new("PUT", "/api/organisations/{slug}", OrganisationEditors, HttpStatusCode.OK,
            S.UpdateOrganisation("organisations", OrganisationSlug, name => Samples.Organisation(name), CopyOrganisation)),
        new("DELETE", "/api/organisations/{slug}", OrganisationEditors, HttpStatusCode.NoContent,
            S.DeleteOrganisation("organisations", OrganisationSlug, CopyOrganisation)),
        new("POST", "/api/organisations/{slug}/members", OrganisationEditors, HttpStatusCode.OK,
            S.AddOrganisationMember("organisations", OrganisationSlug, CopyOrganisation)),
        new("DELETE", "/api/organisations/{slug}/members/{email}", OrganisationEditors, HttpStatusCode.OK,
            S.RemoveOrganisationMember("organisations", OrganisationSlug, CopyOrganisation)),

        // Offers and needs: every signed-in identity reads them and their matches; the members of the organisation a post
        // is for (the owner for the target organisation) post, reply on its behalf, mark it matched or closed and turn it
        // into a joint project; partners never write.
        new("GET", "/api/exchanges/", SignedIn, HttpStatusCode.OK, S.ListExchanges),
        new("GET", "/api/exchanges/{slug}", SignedIn, HttpStatusCode.OK, S.GetExchange),
        new("GET", "/api/exchanges/{slug}/matches", SignedIn, HttpStatusCode.OK, S.MatchExchange),
        new("POST", "/api/exchanges/", OrganisationEditors, HttpStatusCode.Created, S.CreateExchange),
        new("POST", "/api/exchanges/{slug}/replies", OrganisationEditors, HttpStatusCode.OK, S.ReplyToExchange),
        new("POST", "/api/exchanges/{slug}/status", OrganisationEditors, HttpStatusCode.OK, S.CloseExchange),
        new("POST", "/api/exchanges/{slug}/project", OrganisationEditors, HttpStatusCode.Created, S.StartExchangeProject),

        // Projects: the listing is open to every signed-in identity (it shows each only what they may read).
        new("GET", "/api/projects/", SignedIn, HttpStatusCode.OK, S.ListProjects),
        new("GET", "/api/projects/{slug}", ProjectReaders, HttpStatusCode.OK, S.GetProject),
        // The plan: project readers read it (edits go through the hub, SubmitPlanOp).
        new("GET", "/api/projects/{slug}/plan", ProjectReaders, HttpStatusCode.OK, S.GetProjectPlan),
        // Plan history and named versions: project readers read them; owners, editors and admins save and restore.
        new("GET", "/api/projects/{slug}/plan/history", ProjectReaders, HttpStatusCode.OK, S.GetPlanHistory),
        new("GET", "/api/projects/{slug}/plan/versions", ProjectReaders, HttpStatusCode.OK, S.ListPlanVersions),
        new("GET", "/api/projects/{slug}/plan/versions/{id}", ProjectReaders, HttpStatusCode.OK, S.GetPlanVersion),
        new("POST", "/api/projects/{slug}/plan/versions", ProjectEditors, HttpStatusCode.Created, S.SavePlanVersion),
        new("POST", "/api/projects/{slug}/plan/versions/{id}/restore", ProjectEditors, HttpStatusCode.OK, S.RestorePlanVersion),
        new("POST", "/api/projects/", Creators, HttpStatusCode.Created, S.CreateProject),
        new("PUT", "/api/projects/{slug}", ProjectEditors, HttpStatusCode.OK, S.UpdateProject),
        new("DELETE", "/api/projects/{slug}", ProjectManagers, HttpStatusCode.NoContent, S.DeleteProject),
        new("POST", "/api/projects/{slug}/status", ProjectEditors, HttpStatusCode.OK, S.ChangeProjectStatus),
        new("POST", "/api/projects/{slug}/partners", ProjectEditors, HttpStatusCode.OK, S.AddProjectPartner),
        new("DELETE", "/api/projects/{slug}/partners/{kind}/{partnerSlug}", ProjectEditors, HttpStatusCode.OK, S.RemoveProjectPartner),
        new("POST", "/api/projects/{slug}/contributions", ProjectEditors, HttpStatusCode.OK, S.AddProjectContribution),
        new("POST", "/api/projects/{slug}/invitations", ProjectManagers, HttpStatusCode.Created, S.InviteProjectMember),
        new("DELETE", "/api/projects/{slug}/invitations/{id}", ProjectManagers, HttpStatusCode.OK, S.RevokeProjectInvitation),
        // The team by name: project readers; only those who manage it see the pending invitations (checked in Verify).
        new("GET", "/api/projects/{slug}/team", ProjectReaders, HttpStatusCode.OK, S.GetProjectTeam),
        new("PUT", "/api/projects/{slug}/members/{email}", ProjectManagers, HttpStatusCode.OK, S.ChangeProjectMemberRole),
        new("DELETE", "/api/projects/{slug}/members/{email}", ProjectManagers, HttpStatusCode.OK, S.RemoveProjectMember),

        // Partner suggestions: the same readers as the entity they are for.
        new("GET", "/api/cooperatives/{slug}/suggestions", SignedIn, HttpStatusCode.OK, S.SuggestCooperativePartners),
        new("GET", "/api/projects/{slug}/suggestions", ProjectReaders, HttpStatusCode.OK, S.SuggestProjectPartners),

        // Dashboards (issue #7): every signed-in identity reads the programme dashboard and its CSV exports (the tables list
        // only the projects it may read); project readers read a project's summary. Partners read all and write nothing.
        new("GET", "/api/dashboard/", SignedIn, HttpStatusCode.OK, S.GetDashboard),
        new("GET", "/api/dashboard/projects.csv", SignedIn, HttpStatusCode.OK, S.ExportDashboard("projects.csv")),
        new("GET", "/api/dashboard/indicators.csv", SignedIn, HttpStatusCode.OK, S.ExportDashboard("indicators.csv")),
        new("GET", "/api/projects/{slug}/summary", ProjectReaders, HttpStatusCode.OK, S.GetProjectSummary),

        // Invitations: whoever holds the link may read it; only the invited account may accept it (admins included).
        new("GET", "/api/invitations/{token}", Everyone, HttpStatusCode.OK, S.DescribeInvitation),
        new("POST", "/api/invitations/{token}/accept", Invitee, HttpStatusCode.OK, S.AcceptInvitation),

        // Workshops (issue #6): every account lists and reads them and their summaries; coaches and admins create them,
        // and the workshop's coaches and admins edit and delete them. Anyone holding the code joins (without an account, as a guest
        // whose session is for that workshop only, and reads that workshop and nothing else).
        new("GET", "/api/workshops/", SignedIn, HttpStatusCode.OK, S.ListWorkshops),
        new("POST", "/api/workshops/", WorkshopCoaches, HttpStatusCode.Created, S.CreateWorkshop),
        new("GET", "/api/workshops/{id}", WorkshopObservers, HttpStatusCode.OK, S.GetWorkshop),
        new("PUT", "/api/workshops/{id}", WorkshopCoaches, HttpStatusCode.OK, S.UpdateWorkshop),
        new("DELETE", "/api/workshops/{id}", WorkshopCoaches, HttpStatusCode.NoContent, S.DeleteWorkshop),
        // A guest does not make more guests (issue 20, item 5): their session is for one workshop, joined once.
        new("POST", "/api/workshops/join", [.. Everyone.Where(who => who != Who.Guest)], HttpStatusCode.OK, S.JoinWorkshop),
        new("GET", "/api/workshops/{id}/summary.md", SignedIn, HttpStatusCode.OK, S.WorkshopSummary("md")),
        new("GET", "/api/workshops/{id}/summary.csv", SignedIn, HttpStatusCode.OK, S.WorkshopSummary("csv")),
        new("GET", "/api/workshops/{id}/summary", SignedIn, HttpStatusCode.OK, S.WorkshopSummaryData),
        new("POST", "/api/workshops/{id}/copies", WorkshopCoaches, HttpStatusCode.Created, S.CopyWorkshop),
        // Templates are the coaches' (and admins'): a template's author and admins delete it.
        new("GET", "/api/workshop-templates/", WorkshopCoaches, HttpStatusCode.OK, S.ListWorkshopTemplates),
        new("POST", "/api/workshop-templates/", WorkshopCoaches, HttpStatusCode.Created, S.SaveWorkshopTemplate),
        new("DELETE", "/api/workshop-templates/{templateId}", WorkshopCoaches, HttpStatusCode.NoContent, S.DeleteWorkshopTemplate),
        new("POST", "/api/workshop-templates/{templateId}/workshops", WorkshopCoaches, HttpStatusCode.Created, S.StartWorkshopFromTemplate),
    ];

    public static readonly ServiceRule[] Services =
    [
        new("/health", Everyone, "GET", "/health", HttpStatusCode.OK),
        new("/openapi", Everyone, "GET", "/openapi/v1.json", HttpStatusCode.OK),
        new("/scalar", Everyone, "GET", "/scalar", HttpStatusCode.OK),
        new("/dashboard", AdminOnly, "GET", "/dashboard/", HttpStatusCode.OK),
        new("/hubs/live", Connected, "POST", "/hubs/live/negotiate?negotiateVersion=1", HttpStatusCode.OK),
    ];

    /// <summary>The built front end's files (every endpoint of MapStaticAssets): the page anyone opens to sign in.</summary>
    public static readonly ServiceRule FrontEnd = new("(front end)", Everyone, "GET", "/", HttpStatusCode.OK);

    /// <summary>The hub refuses anonymous connections outright, so no hub rule allows <see cref="Who.Anonymous"/>.</summary>
    public static readonly HubRule[] Hub =
    [
        new("Subscribe", $"project:{ProjectSlug}", ProjectReaders),
        new("Subscribe", $"plan:{ProjectSlug}", ProjectReaders),
        new("SubmitPlanOp", ProjectSlug, ProjectEditors),
        // Presence in the plan: project readers (viewers too) show where they are and see the others.
        new("Subscribe", $"presence:{ProjectSlug}", ProjectReaders),
        new("UpdatePresence", ProjectSlug, ProjectReaders),
        new("LeavePresence", ProjectSlug, ProjectReaders),
        new("Subscribe", "directory:projects", SignedIn),
        new("Subscribe", $"cooperative:{CooperativeSlug}", SignedIn),
        new("Subscribe", "directory:cooperatives", SignedIn),
        new("Subscribe", $"diaspora-group:{DiasporaGroupSlug}", SignedIn),
        new("Subscribe", "directory:diaspora-groups", SignedIn),
        new("Subscribe", $"organisation:{OrganisationSlug}", SignedIn),
        new("Subscribe", "directory:organisations", SignedIn),
        new("Subscribe", $"exchange:{ExchangeSlug}", SignedIn),
        new("Subscribe", "directory:exchanges", SignedIn),
        // Leaving a group is harmless: anyone connected may, the workshop guest included.
        new("Unsubscribe", $"project:{ProjectSlug}", Connected),
        new("Unsubscribe", $"plan:{ProjectSlug}", Connected),
        new("Unsubscribe", "directory:projects", Connected),
        new("Unsubscribe", $"cooperative:{CooperativeSlug}", Connected),
        new("Unsubscribe", $"organisation:{OrganisationSlug}", Connected),
        new("Unsubscribe", $"exchange:{ExchangeSlug}", Connected),

        // Workshops (issue #6): observers follow the live session; participants send participant commands (a note on the
        // board), the workshop's coaches and admins run it (bring everyone to an item). The guest is refused every other row.
        new("Subscribe", $"workshop:{TargetWorkshop}", WorkshopObservers),
        new("Unsubscribe", $"workshop:{TargetWorkshop}", Connected),
        new("SendWorkshopCommand", "participant", WorkshopParticipants),
        new("SendWorkshopCommand", "coach", WorkshopCoaches),
        // Its shared notes are a plan document ("{id}--notes"): observers read them, participants edit them.
        new("Subscribe", $"plan:{TargetWorkshop}--notes", WorkshopObservers),
        new("SubmitPlanOp", $"{TargetWorkshop}--notes", WorkshopParticipants),
        // Dashboards (issue #7): the programme to every signed-in identity (its rows filtered per reader), a project's
        // summary to the project's readers.
        new("Subscribe", "dashboard:programme", SignedIn),
        new("Subscribe", $"dashboard:project:{ProjectSlug}", ProjectReaders),
        new("Unsubscribe", "dashboard:programme", Connected),
    ];

    private static Task CopyCooperative(AuthorizationMatrixFixture world, string slug, string name) => world.CreateCooperative(slug, name);

    private static Task CopyOrganisation(AuthorizationMatrixFixture world, string slug, string name) => world.CreateOrganisation(slug, name);

    private static Task CopyDiasporaGroup(AuthorizationMatrixFixture world, string slug, string name) => world.CreateDiasporaGroup(slug, name);
}
