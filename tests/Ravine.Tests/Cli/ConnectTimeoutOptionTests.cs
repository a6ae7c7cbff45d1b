namespace Ravine.Tests.Cli;

/// <summary><c>--connect-timeout</c> takes seconds &gt; 0 and only where there is something to wait for.</summary>
public class ConnectTimeoutOptionTests
{
    [Theory]
    [InlineData("--connect-timeout takes a number of seconds > 0 (at most a day), not '0'.",
        "run", "--problem", "quadratic-sensing", "--shards", "2", "--cluster", "127.0.0.1:1", "--connect-timeout", "0")]
    [InlineData("--connect-timeout takes a number of seconds > 0 (at most a day), not 'soon'.",
        "run", "--problem", "quadratic-sensing", "--shards", "2", "--cluster", "127.0.0.1:1", "--connect-timeout", "soon")]
    [InlineData("--connect-timeout sets the wait for a cluster's gateway: it applies with --cluster or --membership.",
        "run", "--problem", "quartic-rosenbrock", "--connect-timeout", "5")]
    [InlineData("--connect-timeout sets the wait for the primary: it applies with --primary or --membership (a primary waits for nobody).",
        "worker", "--silo-port", "11111", "--gateway-port", "30000", "--connect-timeout", "5")]
    public void A_connect_timeout_that_cannot_apply_exits_2_with_one_line(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        Assert.Equal($"ravine: {expected}", Assert.Single(error.TrimEnd('\n').Split('\n')));
    }
}
