using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Ravine.Orleans;

namespace Ravine.Tests.Orleans;

/// <summary>
/// A Redis for a test's cluster: <c>.ci/run</c>'s (its address in <see cref="Variable"/>, emptied first), or a
/// redis-server of the test's own on a free loopback port, without persistence, stopped with the test.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    /// <summary>The environment variable naming a Redis the tests may use and empty (HOST:PORT).</summary>
    public const string Variable = "RAVINE_TEST_REDIS";

    private readonly Process? _process;

    private RedisServer(RedisMembership membership, Process? process)
    {
        Membership = membership;
        _process = process;
    }

    public RedisMembership Membership { get; }

    /// <summary>The redis-server on PATH, or null.</summary>
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "redis-server")).FirstOrDefault(File.Exists);

    /// <summary>Why a test that needs Redis cannot have one here, or null when it can.</summary>
    public static string? Missing(bool ownServer) =>
        Executable is not null || (!ownServer && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }) ? null
            : $"redis-server is not installed (Debian: apt-get install redis-server){(ownServer ? "" : $" and {Variable} names no Redis")}, so no cluster with Redis membership can start.";

    /// <summary>The shared Redis if <see cref="Variable"/> names one and <paramref name="own"/> is false, emptied; else a new one.</summary>
    public static RedisServer Start(bool own = false)
    {
        if (!own && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } shared)
        {
            var membership = RedisMembership.Parse("redis://" + shared, Variable);
            Assert.Equal("+OK", Command(membership, "FLUSHALL"));
            return new RedisServer(membership, null);
        }
        int port = ShardHosting.FreeLoopbackPorts(1)[0];
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(Missing(own)))
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (string arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(new RedisMembership("127.0.0.1", port), process);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                server.Membership.ProbeAsync().GetAwaiter().GetResult();
                return server;
            }
            catch (MembershipUnavailableException) when (clock.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Sends one command without arguments and returns the first line of the answer.</summary>
    private static string Command(RedisMembership membership, string command)
    {
        using var client = new TcpClient(membership.Host, membership.Port);
        var stream = client.GetStream();
        stream.Write(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        return reader.ReadLine() ?? "";
    }

    /// <summary>Stops (SIGSTOP) or continues (SIGCONT) this test's own server: it keeps its data but answers nothing meanwhile.</summary>
    public void Pause(bool paused) => Assert.Equal(0, SendSignal((_process ?? throw new InvalidOperationException("not this test's server")).Id, paused ? 19 : 18));

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public void Dispose()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            SendSignal(_process.Id, 18);
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}

/// <summary>A fact that needs Redis (<see cref="RedisServer"/>); where it cannot have one, it is reported skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedsRedisAttribute : FactAttribute
{
    /// <param name="ownServer">Whether the test starts (and stops) a redis-server of its own, rather than use a shared one.</param>
    public FactNeedsRedisAttribute(bool ownServer = false)
    {
        if (RedisServer.Missing(ownServer) is { } reason) Skip = reason;
    }
}
