using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Commits;
using Kaolack.Grains.Common;
using Kaolack.Grains.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Grains.Accounts;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Entities)] IPersistentState<UserState> store,
    TimeProvider clock,
    IOptions<AccountOptions> options,
    ILogger<UserGrain> logger)
    : Grain, IUserGrain
{
    /// <summary>Sessions signed out one by one that an account remembers; past that, signing out renews the stamp (every session ends).</summary>
    public const int MaxEndedSessions = 256;

    private static readonly PasswordHasher<UserState> Hasher = new();

    private readonly LoginThrottle throttle = new(options.Value);

    private UserState State => store.State;

    private string Key => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The accounts list is a read model: an update it missed is sent again whenever the account wakes.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) => State.Exists ? Publish() : Task.CompletedTask;

    public async Task<RegistrationOutcome> Register(Registration registration)
    {
        var accepted = AccountRules.Normalize(registration);
        AccountRules.Validate(accepted);
        if (accepted.Email != Key)
        {
            throw new ValidationFailedException("email", "L'adresse ne correspond pas à ce compte.");
        }
        // Hashed in every case, so a registration takes as long whether the address has an account or not.
        var hash = Hasher.HashPassword(State, accepted.Password);
        if (State.Exists && !State.AwaitingVerification)
        {
            return new RegistrationOutcome(null, State.Language, State.DisplayName);
        }
        // A registration not verified yet is replaced (its link stops working): it never could sign in, and only the
        // owner of the address can verify the new one, with the password they have just chosen.
        var (token, verification) = AccountLinks.Issue(Key, Now + options.Value.VerificationLinkLifetime);
        var basis = State.Exists ? State : NewAccount([Role.Member]);
        await Save(basis with
        {
            DisplayName = accepted.DisplayName,
            Organisation = accepted.Organisation,
            Region = accepted.Region,
            Language = accepted.Language,
            PasswordHash = hash,
            AwaitingVerification = true,
            Verification = verification,
        });
        return new RegistrationOutcome(Link(token, verification), State.Language, State.DisplayName);
    }

    public async Task<Account> EnsureSeeded(Caller caller, AccountSeed seed)
    {
        AccessPolicy.Require(caller.UserId == Caller.SystemId, "Réservé à la plateforme.");
        if (!State.Exists)
        {
            var accepted = AccountRules.Normalize(seed.Registration);
            AccountRules.Validate(accepted);
            await Save(NewAccount(seed.Roles.Distinct().Order().ToArray()) with
            {
                DisplayName = accepted.DisplayName,
                Organisation = accepted.Organisation,
                Region = accepted.Region,
                Language = accepted.Language,
                PasswordHash = Hasher.HashPassword(State, accepted.Password),
            });
        }
        return View();
    }

    public async Task<AccountLink> Open(Caller caller, NewAccount account)
    {
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs ouvrent des comptes.");
        var accepted = AccountRules.Normalize(account);
        AccountRules.Validate(accepted);
        if (accepted.Email != Key)
        {
            throw new ValidationFailedException("email", "L'adresse ne correspond pas à ce compte.");
        }
        if (State.Exists)
        {
            throw new EntityExistsException("Un compte avec cette adresse");
        }
        var (token, reset) = AccountLinks.Issue(Key, Now + options.Value.AdminLinkLifetime);
        await Save(NewAccount(accepted.Roles) with
        {
            DisplayName = accepted.DisplayName,
            Organisation = accepted.Organisation,
            Region = accepted.Region,
            Language = accepted.Language,
            AwaitingVerification = true,
            PasswordReset = reset,
        });
        return Link(token, reset);
    }

    public async Task<LoginOutcome> CheckPassword(string password, string client)
    {
        var now = Now;
        if (throttle.Refusal(client, now) is { } refusal)
        {
            return refusal;
        }
        // Unknown addresses cost the same hashing work as wrong passwords, so response time does not tell which exist.
        var result = Hasher.VerifyHashedPassword(State, State.PasswordHash.Length > 0 ? State.PasswordHash : DummyHash.Value, password ?? "");
        if (!State.Exists || State.PasswordHash.Length == 0 || result == PasswordVerificationResult.Failed || State.AwaitingVerification)
        {
            return throttle.Failed(client, now) ?? new LoginOutcome(LoginStatus.InvalidCredentials, null, null);
        }
        if (State.Suspended)
        {
            return new LoginOutcome(LoginStatus.Suspended, null, null);
        }
        throttle.Succeeded(client);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await Save(State with { PasswordHash = Hasher.HashPassword(State, password!) });
        }
        return new LoginOutcome(LoginStatus.Succeeded, Session(), null);
    }

    public async Task<Session> Verify(string token, string password)
    {
        if (!State.Exists || !AccountLinks.Matches(State.Verification, Key, token, Now))
        {
            throw new LinkInvalidException();
        }
        if (Hasher.VerifyHashedPassword(State, State.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            throw new ValidationFailedException("password", "Ce n'est pas le mot de passe choisi à l'inscription.");
        }
        await Save(State with { AwaitingVerification = false, Verification = null });
        return Session();
    }

    public async Task<AccountLink?> RequestPasswordReset()
    {
        if (!State.Exists)
        {
            return null;
        }
        var (token, reset) = AccountLinks.Issue(Key, Now + options.Value.ResetLinkLifetime);
        await Save(State with { PasswordReset = reset });
        return Link(token, reset);
    }

    public async Task<AccountLink> IssuePasswordReset(Caller caller)
    {
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs émettent un lien pour quelqu'un d'autre.");
        RequireExists();
        var (token, reset) = AccountLinks.Issue(Key, Now + options.Value.AdminLinkLifetime);
        await Save(State with { PasswordReset = reset });
        return Link(token, reset);
    }

    public async Task ResetPassword(string token, string newPassword)
    {
        if (!State.Exists || !AccountLinks.Matches(State.PasswordReset, Key, token, Now))
        {
            throw new LinkInvalidException();
        }
        var v = new Validation();
        AccountRules.ValidatePassword(v, "newPassword", newPassword);
        v.ThrowIfInvalid();
        // The link went to the address, so following it proves the address as well.
        await Save(State with
        {
            PasswordHash = Hasher.HashPassword(State, newPassword),
            SecurityStamp = NewStamp(),
            EndedSessions = [],
            PasswordReset = null,
            AwaitingVerification = false,
            Verification = null,
        });
        throttle.Clear();
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
        await Save(State with { PasswordHash = Hasher.HashPassword(State, newPassword), SecurityStamp = NewStamp(), EndedSessions = [] });
    }

    public async Task<Account> UpdateProfile(Caller caller, AccountProfile profile)
    {
        RequireOwnerOrAdmin(caller);
        var accepted = AccountRules.Normalize(profile);
        AccountRules.Validate(accepted);
        await Save(State with
        {
            DisplayName = accepted.DisplayName,
            Organisation = accepted.Organisation,
            Region = accepted.Region,
            Language = accepted.Language,
        });
        return View();
    }

    public async Task EndSession(string sessionId, DateTimeOffset until)
    {
        if (!State.Exists || string.IsNullOrEmpty(sessionId) || State.EndedSessions.ContainsKey(sessionId))
        {
            return;
        }
        var now = Now;
        var kept = State.EndedSessions.Where(pair => pair.Value > now).ToDictionary(StringComparer.Ordinal);
        if (kept.Count >= MaxEndedSessions)
        {
            // Too many to remember one by one: end them all, the one signing out included.
            await Save(State with { SecurityStamp = NewStamp(), EndedSessions = [] });
            return;
        }
        // Past the moment its cookie or token expires, nobody can use it anyway.
        kept[sessionId] = until;
        await Save(State with { EndedSessions = kept });
    }

    public async Task EndAllSessions(Caller caller)
    {
        RequireOwnerOrAdmin(caller);
        await Save(State with { SecurityStamp = NewStamp(), EndedSessions = [] });
    }

    public async Task<Account> SetSuspended(Caller caller, bool suspended)
    {
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs suspendent un compte.");
        RequireExists();
        AccessPolicy.Require(!(suspended && caller.UserId == Key), "Un administrateur ne suspend pas son propre compte.");
        if (State.Suspended != suspended)
        {
            await Save(suspended ? State with { Suspended = true, SecurityStamp = NewStamp(), EndedSessions = [] } : State with { Suspended = false });
        }
        if (!suspended)
        {
            throttle.Clear();
        }
        return View();
    }

    public Task<Account?> Get() => Task.FromResult(State.Exists ? View() : null);

    public Task<Session?> GetSession(string? sessionId = null) => Task.FromResult(
        !State.Exists || State.Suspended || State.AwaitingVerification || (sessionId is not null && State.EndedSessions.ContainsKey(sessionId))
            ? null
            : Session());

    public async Task<Account> SetRoles(Caller caller, Role[] roles)
    {
        AccessPolicy.Require(caller.IsAdmin, "Seuls les administrateurs attribuent les rôles.");
        RequireExists();
        var v = new Validation();
        AccountRules.ValidateRoles(v, roles);
        v.ThrowIfInvalid();
        await Save(State with { Roles = roles.Distinct().Order().ToArray() });
        return View();
    }

    private UserState NewAccount(Role[] roles) => new()
    {
        Email = Key,
        Roles = roles,
        SecurityStamp = NewStamp(),
        CreatedAt = Now,
    };

    /// <summary>Stores the next state (a new object; the previous one is put back if the write fails), then updates the accounts list.</summary>
    private async Task Save(UserState next)
    {
        await store.WriteOrRollback(next with { Version = State.Version + 1 }, DeactivateOnIdle);
        await Publish();
    }

    private async Task Publish()
    {
        try
        {
            await GrainFactory.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Upsert(View(), State.Version);
        }
        catch (Exception exception)
        {
            // The account is stored: the list catches up when the account next changes or wakes.
            LogListNotUpdated(exception, Key);
        }
    }

    private void RequireExists()
    {
        if (!State.Exists)
        {
            throw new EntityNotFoundException("Le compte");
        }
    }

    private void RequireOwnerOrAdmin(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Require(caller.UserId == Key || caller.IsAdmin, "Seul le titulaire du compte (ou un administrateur) peut faire cela.");
        RequireExists();
    }

    private AccountLink Link(string token, StoredLink stored) => new(token, stored.ExpiresAt, State.Language, State.DisplayName);

    private Account View() => new(State.Email, State.DisplayName, State.Organisation, State.Region, State.Language, State.Roles, State.CreatedAt,
        !State.AwaitingVerification, State.Suspended);

    private Session Session() => new(State.Email, State.DisplayName, State.Roles, State.SecurityStamp);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new UserState(), Guid.NewGuid().ToString()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The accounts list was not updated for {Email}")]
    private partial void LogListNotUpdated(Exception exception, string email);
}
