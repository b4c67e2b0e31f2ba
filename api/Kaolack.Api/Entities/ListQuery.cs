using Kaolack.Api.Http;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Cooperatives;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Organisations;

namespace Kaolack.Api.Entities;

/// <summary>Query string of a listing: free text, filters, paging.</summary>
public sealed record ListQuery(string? Q, string? Region, string? ValueChain, string? LegalForm, string? OrganisationKind, int? Page, int? PageSize)
{
    public DirectoryQuery ToDirectoryQuery() => new()
    {
        Text = Q,
        Region = JsonEnum.ParseOptional<Region>(Region, "region"),
        ValueChain = ValueChain,
        LegalForm = JsonEnum.ParseOptional<LegalForm>(LegalForm, "legalForm"),
        OrganisationKind = JsonEnum.ParseOptional<OrganisationKind>(OrganisationKind, "organisationKind"),
        Page = Page ?? 1,
        PageSize = PageSize ?? 20,
    };
}
