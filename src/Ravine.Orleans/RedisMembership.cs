using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Ravine.Orleans;

/// <summary>
/// A cluster whose membership table lives in Redis (<c>redis://HOST:PORT</c>): every silo and client finds the others
/// there, so the cluster outlives any one silo, the first one included (development clustering keeps the table in the
/// primary silo's memory, and the cluster dies with it).
/// </summary>
/// <param name="Host">The Redis server's host name or address.</param>
/// <param name="Port">Its port.</param>
public sealed record RedisMembership(string Host, int Port)
{
    /// <summary>How long <see cref="ProbeAsync"/> waits for Redis to answer by default.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The address as StackExchange.Redis takes it: <c>HOST:PORT</c>.</summary>
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary><c>redis://HOST:PORT</c>, as the options take it.</summary>
    public override string ToString() => "redis://" + Endpoint;

    /// <summary>Parses <c>redis://HOST:PORT</c>.</summary>
    /// <exception cref="FormatException">Not <c>redis://HOST:PORT</c> with a port in 1–65535 (the message names <paramref name="option"/>).</exception>
    public static RedisMembership Parse(string text, string option = "--membership")
    {
        ArgumentNullException.ThrowIfNull(text);
        const string scheme = "redis://";
        string rest = text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? text[scheme.Length..].TrimEnd('/') : "";
        int colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new FormatException($"{option} takes redis://HOST:PORT with a port in 1–65535, not '{text}'.");
        return new RedisMembership(rest[..colon].Trim('[', ']'), port);
    }

    /// <summary>
    /// Sends Redis a PING and waits at most <paramref name="timeout"/> (default <see cref="DefaultProbeTimeout"/>) for its
    /// PONG. Orleans' own Redis client retries an unreachable server for a long while, so a silo or client started
    /// against a Redis that is down would hang rather than fail: this answers first.
    /// </summary>
    /// <exception cref="MembershipUnavailableException">Redis did not answer with PONG in time; the message names the address.</exception>
    public async Task ProbeAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? DefaultProbeTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(wait);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port, limit.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), limit.Token).ConfigureAwait(false);
            byte[] answer = new byte[64];
            int read = 0;
            while (read < 7 && !answer.AsSpan(0, read).Contains((byte)'\n'))
            {
                int n = await stream.ReadAsync(answer.AsMemory(read), limit.Token).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
            string text = Encoding.ASCII.GetString(answer, 0, read).TrimEnd();
            if (text != "+PONG")
                throw new MembershipUnavailableException(this, $"it answered '{text}' to PING, not PONG (is it Redis? does it need a password?)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MembershipUnavailableException(this, $"no answer within {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (SocketException e)
        {
            throw new MembershipUnavailableException(this, e.Message, e);
        }
        catch (IOException e)
        {
            throw new MembershipUnavailableException(this, e.Message, e);
        }
    }
}
