using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Diaspora;

/// <summary>One diaspora group, keyed by its slug.</summary>
public interface IDiasporaGroupGrain : IProfileGrain<DiasporaGroupProfile, DiasporaGroup>;
