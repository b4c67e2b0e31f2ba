using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Mail;

/// <summary>What an e-mail of the platform is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MailKind>))]
public enum MailKind
{
    /// <summary>Confirms the address of a new account.</summary>
    [JsonStringEnumMemberName("verification")] Verification,
    /// <summary>Someone registered an address that already has an account: its owner is told, nobody else.</summary>
    [JsonStringEnumMemberName("already-registered")] AlreadyRegistered,
    [JsonStringEnumMemberName("password-reset")] PasswordReset,
    /// <summary>An admin opened the account: its owner sets a password.</summary>
    [JsonStringEnumMemberName("welcome")] Welcome,
    [JsonStringEnumMemberName("invitation")] Invitation,
}
