using System.Net;
using System.Net.Sockets;

namespace Kaolack.Api.Hardening;

/// <summary>Who a request counts against: its client address, or its signed-in user.</summary>
public static class ClientPartition
{
    /// <summary>Requests without a remote address (in-memory test servers, Unix sockets) share one allowance.</summary>
    public const string UnknownAddress = "ip:unknown";

    /// <summary>
    /// The client address as Kestrel saw it. Behind a reverse proxy every request comes from the proxy: run
    /// UseForwardedHeaders (with the proxy listed in KnownProxies) before the rate limiter so this is the real client.
    /// </summary>
    public static string ByAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AddressKey(context.Connection.RemoteIpAddress);
    }

    /// <summary>
    /// The signed-in user's id (NameIdentifier), else the client address: many members of one cooperative may share
    /// a village connection, so signed-in writers must not exhaust each other's allowance.
    /// </summary>
    public static string ByUserOrAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            if (!string.IsNullOrEmpty(id))
            {
                // Prefixed so that a user id that looks like an address never shares an allowance with that address.
                return $"user:{id}";
            }
        }
        return ByAddress(context);
    }

    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownAddress;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client must have one key either way.
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // One subscriber usually holds a whole /64 and can rotate through it at will: count the prefix, not the address.
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return $"ip:{new IPAddress(bytes)}/64";
        }
        return $"ip:{address}";
    }
}
