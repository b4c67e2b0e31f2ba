namespace Kaolack.Client;

/// <summary>The classic client states of operational transformation.</summary>
public enum PlanSyncStatus
{
    /// <summary>Every local edit is acknowledged: the local document is the server's at <see cref="PlanClientState.Version"/>.</summary>
    Synchronized,

    /// <summary>One op is in flight (sent, or to be sent once connected) and awaits its acknowledgement.</summary>
    AwaitingAck,

    /// <summary>One op is in flight and more local edits wait in the buffer until it is acknowledged.</summary>
    AwaitingWithBuffer,
}
