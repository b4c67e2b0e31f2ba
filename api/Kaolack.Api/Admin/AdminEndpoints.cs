using Kaolack.Api.Auth;
using Kaolack.Api.Hardening;
using Kaolack.Api.Http;
using Kaolack.Api.Mail;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Mail;
using Kaolack.Grains.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Kaolack.Api.Admin;

/// <summary>
/// The administration of accounts (admins only): the list with search, opening an account for someone, roles,
/// suspension, a password-reset link to hand over; and the outbox of e-mails kept when no mail server is configured.
/// </summary>
public static class AdminEndpoints
{
    private const int DefaultPageSize = 50;
    private const int DefaultOutbox = 100;

    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("admin").RequireAuthorization(AuthSchemes.AdminPolicy);

        group.MapGet("/users", ListUsers).Describe("list-users",
            "Every account, searched by address, name or organisation (?q=), by page.", Status400BadRequest, Status403Forbidden);
        group.MapPost("/users", OpenAccount).Describe("open-user",
            "Opens an account for someone (no password yet): the answer and an e-mail carry a link for them to choose one.",
            Status400BadRequest, Status403Forbidden, Status409Conflict);
        group.MapPut("/users/{email}/roles", SetRoles).Describe("set-user-roles", null, Status400BadRequest, Status403Forbidden, Status404NotFound);
        group.MapPut("/users/{email}/suspension", SetSuspension).Describe("set-user-suspension",
            "Suspends an account (it cannot sign in, its sessions end) or lifts the suspension (and any login lockout).",
            Status403Forbidden, Status404NotFound);
        group.MapPost("/users/{email}/password-reset", IssuePasswordReset).Describe("issue-user-password-reset",
            "A password-reset link for the account's owner, answered to hand over and e-mailed to them.", Status403Forbidden, Status404NotFound);
        group.MapGet("/outbox", Outbox).Describe("list-outbox",
            "The e-mails kept because no mail server is configured, newest first (?limit=, 1–500, 100 by default).",
            Status400BadRequest, Status403Forbidden);

        return group.RequireKaolackWriteLimit();
    }

    private static async Task<Ok<AccountPage>> ListUsers([FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize,
        ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key)
            .Search(user.ToCaller(), new AccountQuery(q, page ?? 1, pageSize ?? DefaultPageSize)));

    private static async Task<Created<IssuedAccount>> OpenAccount(NewAccount account, ClaimsPrincipal user, IGrainFactory grains,
        MailComposer composer, PublicLinks links, IMailSender mail)
    {
        var email = AccountRules.NormalizeEmail(account.Email);
        var grain = grains.GetGrain<IUserGrain>(email);
        var link = await grain.Open(user.ToCaller(), account);
        var opened = await grain.Get() ?? throw new InvalidOperationException("The opened account was not found.");
        var mailed = await mail.Send(composer.Welcome(email, link, opened.Roles));
        return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(email)}",
            new IssuedAccount(opened, new IssuedLink(links.PasswordReset(link.Token, welcome: true), link.ExpiresAt, mailed)));
    }

    private static async Task<Ok<Account>> SetRoles(string email, RolesChange change, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(AccountRules.NormalizeEmail(email)).SetRoles(user.ToCaller(), change.Roles));

    private static async Task<Ok<Account>> SetSuspension(string email, SuspensionChange change, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(AccountRules.NormalizeEmail(email)).SetSuspended(user.ToCaller(), change.Suspended));

    private static async Task<Ok<IssuedLink>> IssuePasswordReset(string email, ClaimsPrincipal user, IGrainFactory grains,
        MailComposer composer, PublicLinks links, IMailSender mail)
    {
        var normalized = AccountRules.NormalizeEmail(email);
        var link = await grains.GetGrain<IUserGrain>(normalized).IssuePasswordReset(user.ToCaller());
        var mailed = await mail.Send(composer.PasswordReset(normalized, link));
        return TypedResults.Ok(new IssuedLink(links.PasswordReset(link.Token, welcome: false), link.ExpiresAt, mailed));
    }

    private static async Task<Ok<OutboxMessage[]>> Outbox([FromQuery] int? limit, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key).List(user.ToCaller(), limit ?? DefaultOutbox));
}
