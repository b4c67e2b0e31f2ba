using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Errors;
using Kaolack.Grains.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Auth;

/// <summary>
/// Creates the configured first administrator once the silo runs (nothing when the account exists or
/// none is configured). The password is never logged.
/// </summary>
public sealed partial class ConfiguredAdminSeeder(IGrainFactory grains, IOptions<ConfiguredAdmin> options, ILogger<ConfiguredAdminSeeder> logger)
    : BackgroundService
{
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            return;
        }
        var email = AccountRules.NormalizeEmail(admin.Email);
        var seed = new AccountSeed(
            new Registration { Email = email, Password = admin.Password, DisplayName = admin.DisplayName, Region = UserRegion.Elsewhere },
            [Role.Admin]);
        for (var attempt = 1; attempt <= MaxAttempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IUserGrain>(email).EnsureSeeded(Caller.System, seed);
                LogReady(email);
                return;
            }
            catch (ValidationFailedException exception)
            {
                LogInvalid(email, string.Join("; ", exception.Errors.Keys));
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRetry(exception, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator account {Email} is ready")]
    private partial void LogReady(string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configured administrator {Email} refused: {Fields}")]
    private partial void LogInvalid(string email, string fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator account not created yet (attempt {Attempt})")]
    private partial void LogRetry(Exception exception, int attempt);
}
