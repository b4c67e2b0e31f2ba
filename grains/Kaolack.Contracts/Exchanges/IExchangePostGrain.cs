using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;

namespace Kaolack.Contracts.Exchanges;

/// <summary>One offer or need, keyed by its slug; every signed-in user reads it, writers reply, its organisation's members manage it.</summary>
public interface IExchangePostGrain : ILiveSource
{
    [ReadOnly]
    Task<ExchangePost?> Get(Caller caller);

    /// <summary>The caller must belong to the organisation it is posted for.</summary>
    Task<ExchangePost> Create(Caller caller, ExchangePostInput input);

    Task<ExchangePost> Reply(Caller caller, ReplyInput reply);

    /// <exception cref="Errors.VersionConflictException">The post changed since <paramref name="expectedVersion"/>.</exception>
    Task<ExchangePost> SetStatus(Caller caller, ExchangeStatusInput status, long? expectedVersion);

    /// <summary>
    /// Turns a matched exchange into a joint project named <paramref name="projectSlug"/>, its two organisations as
    /// partners; the caller owns the project.
    /// </summary>
    /// <exception cref="Errors.EntityExistsException">A project has that slug.</exception>
    Task<ExchangePost> StartProject(Caller caller, string projectSlug);

    /// <summary>Open posts of the other kind that answer this one, best first, with their reasons.</summary>
    [ReadOnly]
    Task<ExchangeMatch[]> Matches(Caller caller, int limit);
}
