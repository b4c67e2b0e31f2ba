using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Organisations;

/// <summary>The kinds of organisation besides cooperatives and diaspora groups (which have profiles of their own).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))]
public enum OrganisationKind
{
    /// <summary>Département, région, commune.</summary>
    [JsonStringEnumMemberName("local-authority")] LocalAuthority,
    [JsonStringEnumMemberName("state-service")] StateService,
    /// <summary>NGOs and associations.</summary>
    [JsonStringEnumMemberName("ngo")] Ngo,
    /// <summary>Universities and training centres.</summary>
    [JsonStringEnumMemberName("training")] Training,
    /// <summary>Chambers (commerce, agriculture, trades) and federations.</summary>
    [JsonStringEnumMemberName("chamber")] Chamber,
    /// <summary>TPE and PME.</summary>
    [JsonStringEnumMemberName("company")] Company,
    [JsonStringEnumMemberName("returning-migrants")] ReturningMigrants,
}
