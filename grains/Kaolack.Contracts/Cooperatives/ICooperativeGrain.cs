using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Cooperatives;

/// <summary>One cooperative, GIE, TPE/PME or association, keyed by its slug.</summary>
public interface ICooperativeGrain : IProfileGrain<CooperativeProfile, Cooperative>;
