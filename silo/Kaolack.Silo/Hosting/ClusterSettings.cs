using System.Net;
using System.Net.Sockets;

namespace Kaolack.Silo.Hosting;

/// <summary>
/// The "Cluster" configuration section (environment: Cluster__ClusterId, …). Not "Orleans": Orleans
/// binds that section itself, with a different shape.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Silos with the same ClusterId form one cluster.</summary>
    public string ClusterId { get; set; } = "kaolack-dev";

    /// <summary>Grain state is keyed by ServiceId: keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "kaolack";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; loopback for a single machine.</summary>
    public string AdvertisedAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>"AzureTable" (membership in the storage account, for several silos) or "Localhost" (one silo).</summary>
    public string Clustering { get; set; } = "AzureTable";

    /// <summary>
    /// How long a silo waits for another's answer to a liveness probe, and so how often it probes (Orleans: 5 s). With
    /// <see cref="MissedProbesLimit"/> it sets how soon a killed silo is suspected, then declared dead and its grains served
    /// elsewhere; too short, and a silo that pauses (a long GC, a starved CPU) is declared dead and must restart.
    /// See DECISIONS §30.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes missed in a row before a silo votes another dead (Orleans: 3).</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// Refuses to start on a silo or gateway port another process listens on. Orleans' own listeners would share it
    /// silently with a second silo on the machine, whose messages then reach either process at random.
    /// </summary>
    public void RequireFreePorts()
    {
        var address = IPAddress.Parse(AdvertisedAddress);
        foreach (var (name, port) in new[] { ("Cluster:SiloPort", SiloPort), ("Cluster:GatewayPort", GatewayPort) })
        {
            var probe = new TcpListener(address, port);
            try
            {
                probe.Start();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new InvalidOperationException(
                    $"Port {port} ({name}) on {address} is already in use, probably by another silo. Stop it, or choose other ports " +
                    $"(environment: {name.Replace(":", "__", StringComparison.Ordinal)}).", exception);
            }
            finally
            {
                probe.Stop();
            }
        }
    }
}
