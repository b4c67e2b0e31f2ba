using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Accounts;

public sealed class UserGrain(
    [PersistentState("user", StorageNames.Entities)] IPersistentState<UserState> store,
    TimeProvider clock,
    IOptions<AccountOptions> options)
    : Grain, IUserGrain
{
    private static readonly PasswordHasher<UserState> Hasher = new();

    private UserState State => store.State;

    private string Key => this.GetPrimaryKeyString();

    public async Task<Account> Register(Registration registration)
    {
        var accepted = AccountRules.Normalize(registration);
        AccountRules.Validate(accepted);
        if (accepted.Email != Key)
        {
            throw new ValidationFailedException("email", "L'adresse ne correspond pas à ce compte.");
        }
        if (State.Exists)
        {
            throw new EntityExistsException("Un compte avec cette adresse");
        }
        await Save(() => Fill(accepted, [Role.Member]));
        return View();
    }

    public async Task<Account> EnsureSeeded(Caller caller, AccountSeed seed)
    {
        AccessPolicy.Require(caller.UserId == Caller.SystemId, "Réservé à la plateforme.");
        if (!State.Exists)
        {
            var accepted = AccountRules.Normalize(seed.Registration);
            AccountRules.Validate(accepted);
            await Save(() => Fill(accepted, seed.Roles.Distinct().ToArray()));
        }
        return View();
    }

    public async Task<LoginOutcome> CheckPassword(string password)
    {
        if (!State.Exists)
        {
            // Same work as a real check, so response time does not tell which e-mails have accounts.
            Hasher.VerifyHashedPassword(State, DummyHash.Value, password ?? "");
            return new LoginOutcome(LoginStatus.InvalidCredentials, null, null);
        }
        var now = clock.GetUtcNow();
        if (State.LockedUntil is { } until && until > now)
        {
            return new LoginOutcome(LoginStatus.LockedOut, null, until);
        }
        var result = Hasher.VerifyHashedPassword(State, State.PasswordHash, password ?? "");
        if (result == PasswordVerificationResult.Failed)
        {
            var failures = State.FailedLogins + 1;
            var locks = failures >= options.Value.MaxFailedLogins;
            await Save(() =>
            {
                State.FailedLogins = locks ? 0 : failures;
                State.LockedUntil = locks ? now + options.Value.LockoutDuration : null;
            });
            return locks
                ? new LoginOutcome(LoginStatus.LockedOut, null, State.LockedUntil)
                : new LoginOutcome(LoginStatus.InvalidCredentials, null, null);
        }
        if (State.FailedLogins > 0 || State.LockedUntil is not null || result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await Save(() =>
            {
                State.FailedLogins = 0;
                State.LockedUntil = null;
                if (result == PasswordVerificationResult.SuccessRehashNeeded)
                {
                    State.PasswordHash = Hasher.HashPassword(State, password!);
                }
            });
        }
        return new LoginOutcome(LoginStatus.Succeeded, Session(), null);
    }

    public async Task ChangePassword(string currentPassword, string newPassword)
    {
        RequireExists();
        if (Hasher.VerifyHashedPassword(State, State.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throw new ValidationFailedException("currentPassword", "Mot de passe actuel incorrect.");
        }
        var v = new Validation();
        AccountRules.ValidatePassword(v, "newPassword", newPassword);
        v.ThrowIfInvalid();
        await Save(() =>
        {
            State.PasswordHash = Hasher.HashPassword(State, newPassword);
            State.SecurityStamp = NewStamp();
        });
    }

    public Task<Account?> Get() => Task.FromResult(State.Exists ? View() : null);

    public Task<Session?> GetSession() => Task.FromResult(State.Exists ? Session() : null);

    public async Task<Account> SetRoles(Caller caller, Role[] roles)
    {
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs attribuent les rôles.");
        RequireExists();
        if (roles is null || roles.Length == 0 || roles.Any(r => !Enum.IsDefined(r)))
        {
            throw new ValidationFailedException("roles", "Au moins un rôle connu : admin, coach, partner, member.");
        }
        await Save(() => State.Roles = roles.Distinct().Order().ToArray());
        return View();
    }

    private void Fill(Registration registration, Role[] roles)
    {
        State.Email = registration.Email;
        State.DisplayName = registration.DisplayName;
        State.Organisation = registration.Organisation;
        State.Region = registration.Region;
        State.Language = registration.Language;
        State.Roles = roles;
        State.PasswordHash = Hasher.HashPassword(State, registration.Password);
        State.SecurityStamp = NewStamp();
        State.CreatedAt = clock.GetUtcNow();
    }

    /// <summary>Applies a change and persists it; on a failed write the grain reloads rather than keep an unsaved state.</summary>
    private async Task Save(Action change)
    {
        change();
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            await store.ReadStateAsync();
            throw;
        }
    }

    private void RequireExists()
    {
        if (!State.Exists)
        {
            throw new EntityNotFoundException("Le compte");
        }
    }

    private Account View() =>
        new(State.Email, State.DisplayName, State.Organisation, State.Region, State.Language, State.Roles, State.CreatedAt);

    private Session Session() => new(State.Email, State.DisplayName, State.Roles, State.SecurityStamp);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new UserState(), Guid.NewGuid().ToString()));
}
