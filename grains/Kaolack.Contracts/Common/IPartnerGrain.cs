namespace Kaolack.Contracts.Common;

/// <summary>An organisation that can join a joint project and post offers and needs: a cooperative, a diaspora group or another organisation.</summary>
public interface IPartnerGrain : IGrainWithStringKey
{
    /// <summary>Null when the organisation does not exist (never created, or deleted).</summary>
    [ReadOnly]
    Task<PartnerInfo?> GetPartnerInfo();

    /// <summary>Whether the account belongs to the organisation (so may act on its behalf: post, reply).</summary>
    [ReadOnly]
    Task<bool> HasMember(string userId);
}
