using Kaolack.Grains.Accounts;

namespace Kaolack.Grains.Tests.Accounts;

/// <summary>Accounts on the shared cluster, where a lock lasts <see cref="ClusterFixture.LockoutDuration"/>.</summary>
public sealed class UserGrainTests(ClusterFixture fixture) : GrainTests(fixture)
{
    private const string NewPassword = "un-autre-mot-de-passe";
    private const string Here = "ip:192.0.2.10";
    private const string Elsewhere = "ip:198.51.100.20";
    private static readonly int MaxFailedLogins = new AccountOptions().MaxFailedLogins;

    [Fact]
    public async Task Register_creates_a_member_account_under_the_normalised_email_that_waits_for_its_address_to_be_verified()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);

        var outcome = await grain.Register(Samples.Registration($"  {id.ToUpperInvariant()} ") with { DisplayName = " Awa   Ndiaye " });

        Assert.NotNull(outcome.Verification);
        Assert.Equal(id, AccountLinks.AddressOf(outcome.Verification.Token));
        Assert.Equal(("Awa Ndiaye", UiLanguage.Fr), (outcome.DisplayName, outcome.Language));
        var account = await grain.Get();
        Assert.NotNull(account);
        Assert.Equal((id, "Awa Ndiaye", "Coopérative Jokko", UserRegion.Kaolack, UiLanguage.Fr, false, false),
            (account.Email, account.DisplayName, account.Organisation, account.Region, account.Language, account.Verified, account.Suspended));
        Assert.Equal([Role.Member], account.Roles);
        // Not verified: no session, and the right password does not sign in (it answers as a wrong one would).
        Assert.Null(await grain.GetSession());
        Assert.Equal(new LoginOutcome(LoginStatus.InvalidCredentials, null, null), await grain.CheckPassword(Samples.Password, Here));
    }

    [Fact]
    public async Task Verify_with_the_link_and_the_registration_password_lets_the_account_sign_in_and_the_link_works_once()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);
        var token = (await grain.Register(Samples.Registration(id))).Verification!.Token;

        var wrongPassword = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Verify(token, NewPassword));
        var session = await grain.Verify(token, Samples.Password);
        var reused = await Assert.ThrowsAsync<LinkInvalidException>(() => grain.Verify(token, Samples.Password));

        Assert.Equal(["password"], wrongPassword.Errors.Keys);
        Assert.Equal((id, "Awa Ndiaye"), (session.UserId, session.DisplayName));
        Assert.Equal([Role.Member], session.Roles);
        Assert.Equal("link-invalid", reused.Code);
        Assert.True((await grain.Get())!.Verified);
        var signedIn = await grain.CheckPassword(Samples.Password, Here);
        Assert.Equal((LoginStatus.Succeeded, session.SecurityStamp), (signedIn.Status, signedIn.Session!.SecurityStamp));
    }

    [Fact]
    public async Task A_link_of_another_account_or_a_forged_one_verifies_nothing()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);
        await grain.Register(Samples.Registration(id));
        var otherId = Callers.NewId("autre");
        var otherToken = (await Client.GetGrain<IUserGrain>(otherId).Register(Samples.Registration(otherId))).Verification!.Token;
        var forged = AccountLinks.Issue(id, DateTimeOffset.UtcNow.AddDays(1)).Token;

        await Assert.ThrowsAsync<LinkInvalidException>(() => grain.Verify(otherToken, Samples.Password));
        await Assert.ThrowsAsync<LinkInvalidException>(() => grain.Verify(forged, Samples.Password));
        await Assert.ThrowsAsync<LinkInvalidException>(() => grain.Verify("pas-un-jeton", Samples.Password));

        Assert.False((await grain.Get())!.Verified);
    }

    [Fact]
    public async Task An_account_that_was_never_registered_has_no_session()
    {
        var grain = Client.GetGrain<IUserGrain>(Callers.NewId("inconnu"));
        Assert.Null(await grain.GetSession());
        Assert.Null(await grain.Get());
    }

    /// <summary>Issue 20: registering an address that had an account answered 409, which told anyone who has one.</summary>
    [Fact]
    public async Task Registering_a_verified_address_again_changes_nothing_and_gives_no_link()
    {
        var grain = await Registered("awa");
        var id = (await grain.Get())!.Email;
        var stamp = (await grain.GetSession())!.SecurityStamp;

        var again = await grain.Register(Samples.Registration(id.ToUpperInvariant(), NewPassword) with { DisplayName = "Usurpateur", Language = UiLanguage.En });

        Assert.Equal(new RegistrationOutcome(null, UiLanguage.Fr, "Awa Ndiaye"), again);
        var session = await grain.GetSession();
        Assert.Equal(("Awa Ndiaye", stamp), (session!.DisplayName, session.SecurityStamp));
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password, Here)).Status);
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword(NewPassword, Elsewhere)).Status);
    }

    /// <summary>
    /// Issue 20: whoever registered an address first inherited what was given to it. Now a registration that was never
    /// verified is replaced by the next one, and only the link of the latest, with its own password, verifies it.
    /// </summary>
    [Fact]
    public async Task Registering_an_unverified_address_again_replaces_it_and_only_the_new_link_with_the_new_password_verifies()
    {
        var id = Callers.NewId("convoitee");
        var grain = Client.GetGrain<IUserGrain>(id);
        var squatter = (await grain.Register(Samples.Registration(id, "mot-de-passe-du-squatteur") with { DisplayName = "Squatteur" })).Verification!.Token;

        var owner = (await grain.Register(Samples.Registration(id) with { DisplayName = "Vraie titulaire" })).Verification!.Token;

        await Assert.ThrowsAsync<LinkInvalidException>(() => grain.Verify(squatter, "mot-de-passe-du-squatteur"));
        await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Verify(owner, "mot-de-passe-du-squatteur"));
        var session = await grain.Verify(owner, Samples.Password);
        Assert.Equal("Vraie titulaire", session.DisplayName);
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword("mot-de-passe-du-squatteur", Elsewhere)).Status);
    }

    [Fact]
    public async Task Registering_another_email_than_the_accounts_key_is_refused()
    {
        var grain = Client.GetGrain<IUserGrain>(Callers.NewId("awa"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Register(Samples.Registration(Callers.NewId("autre"))));

        Assert.Equal(["email"], error.Errors.Keys);
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task An_invalid_registration_is_refused_with_field_keys_and_creates_nothing()
    {
        var id = Callers.NewId("awa");
        var grain = Client.GetGrain<IUserGrain>(id);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            grain.Register(Samples.Registration(id, "court") with { DisplayName = " " }));

        Assert.Equal(["displayName", "password"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task The_right_password_signs_in_with_the_session_and_a_wrong_one_or_an_unknown_account_look_the_same()
    {
        var grain = await Registered("awa");

        var signedIn = await grain.CheckPassword(Samples.Password, Here);
        var wrong = await grain.CheckPassword("pas-le-bon-mot-de-passe", Here);
        var unknown = await Client.GetGrain<IUserGrain>(Callers.NewId("inconnu")).CheckPassword(Samples.Password, Here);

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
    public async Task Five_wrong_passwords_lock_that_address_the_right_one_is_refused_from_it_while_locked_and_another_account_is_unaffected()
    {
        var grain = await Registered("cible");
        var other = await Registered("voisin");
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword($"mauvais-{attempt}-essai", Here)).Status);
        }

        var before = DateTimeOffset.UtcNow;
        var locked = await grain.CheckPassword("mauvais-dernier-essai", Here);
        var after = DateTimeOffset.UtcNow;
        var rightWhileLocked = await grain.CheckPassword(Samples.Password, Here);

        Assert.Equal((LoginStatus.LockedOut, null), (locked.Status, locked.Session));
        Assert.NotNull(locked.LockedUntil);
        Assert.InRange(locked.LockedUntil.Value, before + ClusterFixture.LockoutDuration, after + ClusterFixture.LockoutDuration);
        Assert.Equal(new LoginOutcome(LoginStatus.LockedOut, null, locked.LockedUntil), rightWhileLocked);
        Assert.Equal(LoginStatus.Succeeded, (await other.CheckPassword(Samples.Password, Here)).Status);
    }

    /// <summary>Issue 20: five wrong guesses by anyone locked the account itself for 15 minutes, its owner included.</summary>
    [Fact]
    public async Task A_stranger_who_locks_their_own_address_out_does_not_lock_the_owner_out()
    {
        var grain = await Registered("proprietaire");
        await LockOut(grain, Elsewhere);

        var owner = await grain.CheckPassword(Samples.Password, Here);

        Assert.Equal(LoginStatus.Succeeded, owner.Status);
        Assert.Equal(LoginStatus.LockedOut, (await grain.CheckPassword(Samples.Password, Elsewhere)).Status);
    }

    /// <summary>Issue 20: a lock must not tell which addresses have an account, so an unknown address locks the same way.</summary>
    [Fact]
    public async Task An_address_without_an_account_locks_and_answers_exactly_as_an_account_does()
    {
        var account = await Registered("existe");
        var nobody = Client.GetGrain<IUserGrain>(Callers.NewId("personne"));

        var accountAnswers = new List<LoginStatus>();
        var nobodyAnswers = new List<LoginStatus>();
        for (var attempt = 1; attempt <= MaxFailedLogins + 1; attempt++)
        {
            accountAnswers.Add((await account.CheckPassword($"devine-{attempt}", Here)).Status);
            nobodyAnswers.Add((await nobody.CheckPassword($"devine-{attempt}", Here)).Status);
        }

        Assert.Equal(accountAnswers, nobodyAnswers);
        Assert.Equal(LoginStatus.LockedOut, nobodyAnswers[^1]);
        Assert.Null(await nobody.Get());
    }

    [Fact]
    public async Task A_lock_ends_after_the_configured_lockout_duration_and_the_count_starts_again()
    {
        var grain = await Registered("cible");
        var locked = await LockOut(grain, Here);

        await Eventually.True(
            async () => (await grain.CheckPassword(Samples.Password, Here)).Status == LoginStatus.Succeeded,
            "the right password to be accepted once the lock ends",
            ClusterFixture.LockoutDuration + TimeSpan.FromSeconds(20));

        Assert.True(DateTimeOffset.UtcNow >= locked.LockedUntil, "signed in before the lock ended");
        var lockedAgain = await LockOut(grain, Here);
        Assert.True(lockedAgain.LockedUntil > locked.LockedUntil);
    }

    [Fact]
    public async Task Only_consecutive_wrong_passwords_lock_the_address()
    {
        var grain = await Registered("distrait");
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            await grain.CheckPassword($"mauvais-{attempt}-essai", Here);
        }

        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password, Here)).Status);
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword($"mauvais-{attempt}-encore", Here)).Status);
        }
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password, Here)).Status);
    }

    [Fact]
    public async Task ChangePassword_renews_the_security_stamp_and_only_the_new_password_works()
    {
        var grain = await Registered("awa");
        var before = (await grain.GetSession())!.SecurityStamp;

        await grain.ChangePassword(Samples.Password, NewPassword);

        var after = (await grain.GetSession())!.SecurityStamp;
        Assert.NotEqual(before, after);
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword(Samples.Password, Here)).Status);
        var signedIn = await grain.CheckPassword(NewPassword, Here);
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
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password, Here)).Status);
    }

    [Fact]
    public async Task ChangePassword_of_an_account_that_does_not_exist_is_not_found()
    {
        var grain = Client.GetGrain<IUserGrain>(Callers.NewId("inconnu"));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => grain.ChangePassword(Samples.Password, NewPassword));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_renews_the_stamp_lifts_locks_and_verifies_the_address()
    {
        var id = Callers.NewId("oublieuse");
        var grain = Client.GetGrain<IUserGrain>(id);
        await grain.Register(Samples.Registration(id));
        var link = await grain.RequestPasswordReset();
        Assert.NotNull(link);
        await LockOut(grain, Here);

        var tooShort = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.ResetPassword(link.Token, "court"));
        await grain.ResetPassword(link.Token, NewPassword);
        var reused = await Assert.ThrowsAsync<LinkInvalidException>(() => grain.ResetPassword(link.Token, "encore-un-autre-mot"));

        Assert.Equal(["newPassword"], tooShort.Errors.Keys);
        Assert.Equal("link-invalid", reused.Code);
        Assert.True((await grain.Get())!.Verified);
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(NewPassword, Here)).Status);
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword(Samples.Password, Elsewhere)).Status);
    }

    [Fact]
    public async Task A_newer_reset_link_replaces_the_older_and_an_address_without_account_gets_none()
    {
        var grain = await Registered("oublieuse");
        var first = (await grain.RequestPasswordReset())!;
        var second = (await grain.RequestPasswordReset())!;

        await Assert.ThrowsAsync<LinkInvalidException>(() => grain.ResetPassword(first.Token, NewPassword));
        await grain.ResetPassword(second.Token, NewPassword);

        Assert.Null(await Client.GetGrain<IUserGrain>(Callers.NewId("personne")).RequestPasswordReset());
    }

    [Fact]
    public async Task EndSession_ends_that_session_only_and_EndAllSessions_renews_the_stamp()
    {
        var grain = await Registered("multi");
        var id = (await grain.Get())!.Email;
        var stamp = (await grain.GetSession())!.SecurityStamp;

        await grain.EndSession("session-du-telephone", DateTimeOffset.UtcNow.AddDays(14));

        Assert.Null(await grain.GetSession("session-du-telephone"));
        Assert.Equal(stamp, (await grain.GetSession("session-du-portable"))!.SecurityStamp);
        await Assert.ThrowsAsync<AccessDeniedException>(() => grain.EndAllSessions(Callers.Member()));
        await grain.EndAllSessions(new Caller(id, [Role.Member]));
        Assert.NotEqual(stamp, (await grain.GetSession("session-du-portable"))!.SecurityStamp);
    }

    [Fact]
    public async Task UpdateProfile_by_the_owner_changes_name_organisation_region_and_language_and_is_validated()
    {
        var grain = await Registered("awa");
        var id = (await grain.Get())!.Email;
        var owner = new Caller(id, [Role.Member]);
        var profile = new AccountProfile { DisplayName = " Awa  Ndiaye Sarr ", Organisation = "GIE Book Jom", Region = UserRegion.Oriental, Language = UiLanguage.En };

        var updated = await grain.UpdateProfile(owner, profile);
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.UpdateProfile(owner, profile with { DisplayName = "" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => grain.UpdateProfile(Callers.Member(), profile with { DisplayName = "Pirate" }));

        Assert.Equal(("Awa Ndiaye Sarr", "GIE Book Jom", UserRegion.Oriental, UiLanguage.En),
            (updated.DisplayName, updated.Organisation, updated.Region, updated.Language));
        Assert.Equal(["displayName"], invalid.Errors.Keys);
        Assert.Equal("Awa Ndiaye Sarr", (await grain.GetSession())!.DisplayName);
    }

    [Fact]
    public async Task An_account_an_admin_opens_has_no_password_until_its_welcome_link_sets_one()
    {
        var id = Callers.NewId("coordinatrice");
        var grain = Client.GetGrain<IUserGrain>(id);
        var account = new NewAccount { Email = id, DisplayName = "Coordinatrice", Region = UserRegion.Kaolack, Roles = [Role.Coach, Role.Member] };

        await Assert.ThrowsAsync<AccessDeniedException>(() => grain.Open(Callers.Member(), account));
        var link = await grain.Open(Callers.Admin(), account);

        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword("", Here)).Status);
        await Assert.ThrowsAsync<EntityExistsException>(() => grain.Open(Callers.Admin(), account));
        await grain.ResetPassword(link.Token, NewPassword);
        var signedIn = await grain.CheckPassword(NewPassword, Here);
        Assert.Equal(LoginStatus.Succeeded, signedIn.Status);
        Assert.Equal([Role.Coach, Role.Member], signedIn.Session!.Roles);
    }

    [Fact]
    public async Task A_suspended_account_has_no_session_and_cannot_sign_in_until_an_admin_lifts_it()
    {
        var grain = await Registered("suspendu");
        var stamp = (await grain.GetSession())!.SecurityStamp;

        await Assert.ThrowsAsync<AccessDeniedException>(() => grain.SetSuspended(Callers.Member(), true));
        var suspended = await grain.SetSuspended(Callers.Admin(), true);

        Assert.True(suspended.Suspended);
        Assert.Null(await grain.GetSession());
        Assert.Equal(new LoginOutcome(LoginStatus.Suspended, null, null), await grain.CheckPassword(Samples.Password, Here));
        Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword(NewPassword, Here)).Status);
        await grain.SetSuspended(Callers.Admin(), false);
        var signedIn = await grain.CheckPassword(Samples.Password, Here);
        Assert.Equal(LoginStatus.Succeeded, signedIn.Status);
        Assert.NotEqual(stamp, signedIn.Session!.SecurityStamp);
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
        var grain = await Registered("ambitieux");
        var id = (await grain.Get())!.Email;
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
    public async Task EnsureSeeded_creates_the_account_once_verified_with_its_roles_and_only_for_the_platform()
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
        Assert.True(seeded.Verified);
        Assert.Equal(LoginStatus.Succeeded, (await grain.CheckPassword(Samples.Password, Here)).Status);
    }

    [Fact]
    public async Task The_accounts_list_follows_every_change_and_only_admins_search_it()
    {
        var grain = await Registered("listee");
        var id = (await grain.Get())!.Email;
        var directory = Client.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);
        await grain.SetRoles(Callers.Admin(), [Role.Coach]);

        var page = await directory.Search(Callers.Admin(), new AccountQuery(id.Split('@')[0], 1, 10));

        var listed = Assert.Single(page.Items);
        Assert.Equal((id, true), (listed.Email, listed.Verified));
        Assert.Equal([Role.Coach], listed.Roles);
        await Assert.ThrowsAsync<AccessDeniedException>(() => directory.Search(Callers.Coach(), new AccountQuery(null, 1, 10)));
        Assert.Equal([id], (await directory.Lookup([id, Callers.NewId("absente")])).Select(a => a.Email));
    }

    /// <summary>A verified member account, as its owner would make it: registered, then the e-mailed link followed.</summary>
    private async Task<IUserGrain> Registered(string name)
    {
        var id = Callers.NewId(name);
        var grain = Client.GetGrain<IUserGrain>(id);
        var outcome = await grain.Register(Samples.Registration(id));
        await grain.Verify(outcome.Verification!.Token, Samples.Password);
        return grain;
    }

    /// <summary>Wrong passwords from <paramref name="client"/> until it is locked out; returns the locking answer.</summary>
    private static async Task<LoginOutcome> LockOut(IUserGrain grain, string client)
    {
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
        {
            Assert.Equal(LoginStatus.InvalidCredentials, (await grain.CheckPassword($"mauvais-{attempt}-essai", client)).Status);
        }
        var locked = await grain.CheckPassword("mauvais-dernier-essai", client);
        Assert.Equal(LoginStatus.LockedOut, locked.Status);
        Assert.NotNull(locked.LockedUntil);
        return locked;
    }
}
