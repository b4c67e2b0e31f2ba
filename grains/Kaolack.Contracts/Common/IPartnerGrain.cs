namespace Kaolack.Contracts.Common;

/// <summary>An organisation that can join a joint project: a cooperative or a diaspora group.</summary>
public interface IPartnerGrain : IGrainWithStringKey
{
    /// <summary>Null when the organisation does not exist (never created, or deleted).</summary>
    [ReadOnly]
    Task<PartnerInfo?> GetPartnerInfo();
}
