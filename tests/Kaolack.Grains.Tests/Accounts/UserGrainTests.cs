using Kaolack.Grains.Accounts;

namespace Kaolack.Grains.Tests.Accounts;

/// <summary>Accounts on the shared cluster, where a lock lasts <see cref="ClusterFixture.LockoutDuration"/>.</summary>
public sealed class UserGrainTests(ClusterFixture fixture) : GrainTests(fixture)
{
    private const string NewPassword = "un-autre-mot-de-passe";
    private static readonly int MaxFailedLogins = new AccountOptions().MaxFailedLogins;

    [Fact]
    public async Task Register_creates_a_member_account_under_the_normalised_email_and_GetSession_returns_it()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);

        var account = await grain.Register(Samples.Registration($"  {id.ToUpperInvariant()} ") with { DisplayName = " Awa   Ndiaye " });

        Assert.Equal((id, "Awa Ndiaye", "Coopérative Jokko", UserRegion.Kaolack, UiLanguage.Fr),
            (account.Email, account.DisplayName, account.Organisation, account.Region, account.Language));
        Assert.Equal([Role.Member], account.Roles);
        var session = await grain.GetSession();
        Assert.NotNull(session);
        Assert.Equal((id, "Awa Ndiaye"), (session.UserId, session.DisplayName));
        Assert.Equal([Role.Member], session.Roles);
        Assert.False(string.IsNullOrEmpty(session.SecurityStamp));
        var read = await grain.Get();
        Assert.NotNull(read);
        Assert.Equal((account.Email, account.DisplayName, account.CreatedAt), (read.Email, read.DisplayName, read.CreatedAt));
        Assert.Equal(account.Roles, read.Roles);
    }

    [Fact]
    public async Task An_account_that_was_never_registered_has_no_session()
    {
        var grain = Client.GetGrain<IUserGrain>(Callers.NewId("inconnu"));
        Assert.Null(await grain.GetSession());
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task Registering_the_same_email_twice_is_refused_and_the_first_account_stays()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);
        await grain.Register(Samples.Registration(id));
        var stamp = (await grain.GetSession())!.SecurityStamp;

        var error = await Assert.ThrowsAsync<EntityExistsException>(() =>
            grain.Register(Samples.Registration(id.ToUpperInvariant(), NewPassword) with { DisplayName = "Usurpateur" }));

        Assert.Equal("already-exists", error.Code);
        var session = await grain.GetSession();
        Assert.Equal(("Awa Ndiaye", stamp), (session!.DisplayName, session.SecurityStamp));
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password)).Status);
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword(NewPassword)).Status);
    }

    [Fact]
    public async Task Registering_another_email_than_the_accounts_key_is_refused()
    {
        var grain = Client.GetGrain<IUserGrain>(Callers.NewId("awa"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Register(Samples.Registration(Callers.NewId("autre"))));

        Assert.Equal(["email"], error.Errors.Keys);
        Assert.Null(await grain.GetSession());
    }

    [Fact]
    public async Task An_invalid_registration_is_refused_with_field_keys_and_creates_nothing()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            grain.Register(Samples.Registration(id, "court") with { DisplayName = " " }));

        Assert.Equal(["displayName", "password"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await grain.GetSession());
    }

    [Fact]
    public async Task The_right_password_signs_in_with_the_session_and_a_wrong_one_or_an_unknown_account_look_the_same()
    {
        var grain = await Registered("awa");

        var signedIn = await grain.CheckPassword(Samples.Password);
        var wrong = await grain.CheckPassword("pas-le-bon-mot-de-passe");
        var unknown = await Client.GetGrain<IUserGrain>(Callers.NewId("inconnu")).CheckPassword(Samples.Password);

        Assert.Equal(LoginStatus.Succeeded, signedIn.Status);
        Assert.Null(signedIn.LockedUntil);
        var session = await grain.GetSession();
        Assert.NotNull(signedIn.Session);
        Assert.Equal((session!.UserId, session.DisplayName, session.SecurityStamp),
            (signedIn.Session.UserId, signedIn.Session.DisplayName, signedIn.Session.SecurityStamp));
        Assert.Equal(session.Roles, signedIn.Session.Roles);
        Assert.Equal(new LoginOutcome(LoginStatus.InvalidCredentials, null, null), wrong);
        Assert.Equal(new LoginOutcome(LoginStatus.InvalidCredentials, null, null), unknown);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_the_right_one_is_refused_while_locked_and_another_account_is_unaffected()
    {
        var grain = await Registered("cible");
        var other = await Registered("voisin");
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword($"mauvais-{attempt}-essai")).Status);
        }

        var before = DateTimeOffset.UtcNow;
        var locked = await grain.CheckPassword("mauvais-dernier-essai");
        var after = DateTimeOffset.UtcNow;
        var rightWhileLocked = await grain.CheckPassword(Samples.Password);

        Assert.Equal((LoginStatus.LockedOut, null), (locked.Status, locked.Session));
        Assert.NotNull(locked.LockedUntil);
        Assert.InRange(locked.LockedUntil.Value, before + ClusterFixture.LockoutDuration, after + ClusterFixture.LockoutDuration);
        Assert.Equal(new LoginOutcome(LoginStatus.LockedOut, null, locked.LockedUntil), rightWhileLocked);
        Assert.Equal(LoginStatus.Succeeded, (await other.CheckPassword(Samples.Password)).Status);
    }

    [Fact]
    public async Task A_lock_ends_after_the_configured_lockout_duration_and_the_count_starts_again()
    {
        var grain = await Registered("cible");
        var locked = await LockOut(grain);

        await Eventually.True(
            async () => (await grain.CheckPassword(Samples.Password)).Status == LoginStatus.Succeeded,
            "the right password to be accepted once the lock ends",
            ClusterFixture.LockoutDuration + TimeSpan.FromSeconds(20));

        Assert.True(DateTimeOffset.UtcNow >= locked.LockedUntil, "signed in before the lock ended");
        var lockedAgain = await LockOut(grain);
        Assert.True(lockedAgain.LockedUntil > locked.LockedUntil);
    }

    [Fact]
    public async Task Only_consecutive_wrong_passwords_lock_the_account()
    {
        var grain = await Registered("distrait");
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            await grain.CheckPassword($"mauvais-{attempt}-essai");
        }

        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password)).Status);
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword($"mauvais-{attempt}-encore")).Status);
        }
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password)).Status);
    }

    [Fact]
    public async Task ChangePassword_renews_the_security_stamp_and_only_the_new_password_works()
    {
        var grain = await Registered("awa");
        var before = (await grain.GetSession())!.SecurityStamp;

        await grain.ChangePassword(Samples.Password, NewPassword);

        var after = (await grain.GetSession())!.SecurityStamp;
        Assert.NotEqual(before, after);
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword(Samples.Password)).Status);
        var signedIn = await grain.CheckPassword(NewPassword);
        Assert.Equal((LoginStatus.Succeeded, after), (signedIn.Status, signedIn.Session!.SecurityStamp));
    }

    [Fact]
    public async Task ChangePassword_with_a_wrong_current_password_or_a_short_new_one_is_refused_and_changes_nothing()
    {
        var grain = await Registered("awa");
        var stamp = (await grain.GetSession())!.SecurityStamp;

        var wrongCurrent = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.ChangePassword("pas-le-bon-mot-de-passe", NewPassword));
        var tooShort = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.ChangePassword(Samples.Password, "court"));

        Assert.Equal(["currentPassword"], wrongCurrent.Errors.Keys);
        Assert.Equal(["newPassword"], tooShort.Errors.Keys);
        Assert.Equal(stamp, (await grain.GetSession())!.SecurityStamp);
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password)).Status);
    }

    [Fact]
    public async Task ChangePassword_of_an_account_that_does_not_exist_is_not_found()
    {
        var grain = Client.GetGrain<IUserGrain>(Callers.NewId("inconnu"));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => grain.ChangePassword(Samples.Password, NewPassword));
    }

    [Fact]
    public async Task SetRoles_by_an_admin_changes_the_roles_the_session_carries()
    {
        var grain = await Registered("future-coach");

        var account = await grain.SetRoles(Callers.Admin(), [Role.Member, Role.Coach, Role.Coach]);

        Assert.Equal([Role.Coach, Role.Member], account.Roles);
        Assert.Equal([Role.Coach, Role.Member], (await grain.GetSession())!.Roles);
    }

    [Fact]
    public async Task SetRoles_is_refused_to_anyone_but_an_admin_and_the_roles_stay()
    {
        var id = Callers.NewId("ambitieux");
        var grain = Client.GetGrain<IUserGrain>(id);
        await grain.Register(Samples.Registration(id));
        Caller[] notAdmins = [new(id, [Role.Member]), Callers.Member(), Callers.Coach(), Callers.Partner(), Callers.With("sans-role")];

        foreach (var caller in notAdmins)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => grain.SetRoles(caller, [Role.Admin]));
        }

        Assert.Equal([Role.Member], (await grain.GetSession())!.Roles);
    }

    [Fact]
    public async Task SetRoles_needs_at_least_one_known_role()
    {
        var grain = await Registered("awa");

        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.SetRoles(Callers.Admin(), []));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.SetRoles(Callers.Admin(), [(Role)42]));

        Assert.Equal(["roles"], none.Errors.Keys);
        Assert.Equal(["roles"], unknown.Errors.Keys);
        Assert.Equal([Role.Member], (await grain.GetSession())!.Roles);
    }

    [Fact]
    public async Task EnsureSeeded_creates_the_account_once_with_its_roles_and_only_for_the_platform()
    {
        var id = Callers.NewId("admin-configure");
        var grain = Client.GetGrain<IUserGrain>(id);
        var seed = new AccountSeed(Samples.Registration(id), [Role.Admin]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => grain.EnsureSeeded(Callers.Admin(), seed));
        Assert.Null(await grain.GetSession());

        var seeded = await grain.EnsureSeeded(Caller.System, seed);
        var again = await grain.EnsureSeeded(Caller.System, seed with { Roles = [Role.Partner], Registration = Samples.Registration(id, NewPassword) });

        Assert.Equal([Role.Admin], seeded.Roles);
        Assert.Equal([Role.Admin], again.Roles);
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password)).Status);
    }

    private async Task<IUserGrain> Registered(string name)
    {
        var id = Callers.NewId(name);
        var grain = Client.GetGrain<IUserGrain>(id);
        await grain.Register(Samples.Registration(id));
        return grain;
    }

    /// <summary>Wrong passwords until the account locks; returns the locking answer.</summary>
    private static async Task<LoginOutcome> LockOut(IUserGrain grain)
    {
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword($"mauvais-{attempt}-essai")).Status);
        }
        var locked = await grain.CheckPassword("mauvais-dernier-essai");
        Assert.Equal(LoginStatus.LockedOut, locked.Status);
        Assert.NotNull(locked.LockedUntil);
        return locked;
    }
}
