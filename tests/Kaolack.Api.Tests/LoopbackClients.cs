using System.Net.Sockets;

namespace Kaolack.Api.Tests;

/// <summary>
/// Clients that reach the host from another address of the loopback range (127.0.0.2, …), so a test can play a
/// stranger at another address than the account's owner, as the server sees it.
/// </summary>
public static class LoopbackClients
{
    public static HttpClient From(SiloHost host, IPAddress local)
    {
        ArgumentNullException.ThrowIfNull(host);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
