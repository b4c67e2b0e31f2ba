using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Organisations;

/// <summary>One organisation (local authority, state service, NGO, university, chamber, company…), keyed by its slug.</summary>
public interface IOrganisationGrain : IProfileGrain<OrganisationProfile, Organisation>;
