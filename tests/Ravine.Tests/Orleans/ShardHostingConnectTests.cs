using System.Net;
using Ravine.Orleans;

namespace Ravine.Tests.Orleans;

/// <summary>
/// <see cref="ShardHosting.ConnectAsync"/> where no gateway listens: Orleans' client alone would retry for minutes;
/// the connect gives up after its timeout, or at once when cancelled. (The two-minute guards only turn a hang into a
/// failure; nothing is timed.)
/// </summary>
public class ShardHostingConnectTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Connecting_where_no_gateway_listens_throws_a_TimeoutException_naming_the_gateways()
    {
        int[] ports = ShardHosting.FreeLoopbackPorts(2);
        IPEndPoint[] gateways = [new(IPAddress.Loopback, ports[0]), new(IPAddress.Loopback, ports[1])];
        var e = await Assert.ThrowsAsync<TimeoutException>(() => ShardHosting.ConnectAsync(gateways, connectTimeout: TimeSpan.FromSeconds(1)).WaitAsync(HangGuard));
        Assert.Equal($"No gateway of 127.0.0.1:{ports[0]}, 127.0.0.1:{ports[1]} answered within 1 s.", e.Message);
    }

    [Fact]
    public async Task Cancelling_the_wait_for_a_gateway_throws_OperationCanceledException()
    {
        int port = ShardHosting.FreeLoopbackPorts(1)[0];
        using var cancel = new CancellationTokenSource();
        var connect = ShardHosting.ConnectAsync([new IPEndPoint(IPAddress.Loopback, port)], cancellationToken: cancel.Token, connectTimeout: TimeSpan.FromHours(1));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect.WaitAsync(HangGuard));
    }
}
