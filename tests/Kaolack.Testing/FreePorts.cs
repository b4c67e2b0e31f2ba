using System.Net;
using System.Net.Sockets;

namespace Kaolack.Testing;

public static class FreePorts
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>Ports the OS reports free on loopback, never the same one twice in this process.</summary>
    public static int[] Take(int count)
    {
        var ports = new int[count];
        lock (Handed)
        {
            for (var i = 0; i < count; i++)
            {
                int port;
                do
                {
                    using var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start();
                    port = ((IPEndPoint)listener.LocalEndpoint).Port;
                }
                while (!Handed.Add(port));
                ports[i] = port;
            }
        }
        return ports;
    }
}
