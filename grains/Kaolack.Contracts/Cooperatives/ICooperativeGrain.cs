using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Suggestions;

namespace Kaolack.Contracts.Cooperatives;

/// <summary>One cooperative, GIE, TPE/PME or association, keyed by its slug.</summary>
public interface ICooperativeGrain : IProfileGrain<CooperativeProfile, Cooperative>
{
    /// <summary>
    /// Cooperatives of the other region with the same or a complementary value chain, and diaspora groups whose
    /// skills meet its needs or whose interests are its value chains; best first, at most <paramref name="limit"/>.
    /// </summary>
    [ReadOnly]
    Task<PartnerSuggestionList> SuggestPartners(Caller caller, int limit);
}
