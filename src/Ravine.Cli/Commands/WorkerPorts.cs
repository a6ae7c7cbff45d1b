using System.Net;
using System.Net.Sockets;

namespace Ravine.Cli.Commands;

/// <summary>Whether a worker's ports can be listened on, found before its silo starts.</summary>
internal static class WorkerPorts
{
    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/> once, without address reuse, and lets it go.</summary>
    /// <exception cref="ArgumentException">The port is taken, or the address is not this machine's (named by <paramref name="option"/>).</exception>
    public static void EnsureFree(IPAddress address, int port, string option)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ArgumentException($"{option} {port}: {address}:{port} is in use (another worker, or another program, listens there); choose a free port.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw new ArgumentException($"--address {address} is not an address of this machine ({e.Message}).", e);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            throw new ArgumentException($"{option} {port}: listening on {address}:{port} is not permitted ({e.Message}); ports below 1024 need privileges.", e);
        }
    }

    /// <summary>Whether the silo's start failed because a port was taken (by another program, after <see cref="EnsureFree"/>).</summary>
    public static bool InUse(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.GetType().Name == "AddressInUseException")
                return true;
        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(InUse);
    }
}
