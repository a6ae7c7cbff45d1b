using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Ravine.Tests.Cli;

/// <summary>
/// The built <c>ravine</c> (Ravine.Cli.dll beside the test assembly) running as a child process, its output read
/// as it comes, so a test can watch it, send it a POSIX signal and wait for it.
/// </summary>
internal sealed class CliChild : IDisposable
{
    public const int SigInt = 2, SigTerm = 15;

    /// <summary>How long a wait may last before it counts as a hang: a guard against a stuck child, not a timing.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private readonly StringBuilder _output = new(), _error = new();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public CliChild(params string[] args) : this(new Dictionary<string, string>(), args) { }

    public CliChild(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Ravine.Cli.dll");
        Assert.True(File.Exists(cli), cli);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        Process = new Process { StartInfo = start };
        Process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        Process.ErrorDataReceived += (_, e) => { lock (_error) _error.AppendLine(e.Data); };
        Process.Start();
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }

    public void Signal(int signal) => Assert.Equal(0, SendSignal(Process.Id, signal));

    /// <summary>Waits until <paramref name="condition"/> holds, failing if the process exits first.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (Process.HasExited) Assert.Fail($"ravine exited ({Process.ExitCode}) before {what}: {Error}\n{Output}");
            Assert.True(clock.Elapsed < HangGuard, $"no {what} after {HangGuard.TotalMinutes} minutes: ravine hangs");
            Thread.Sleep(5);
        }
    }

    /// <summary>Waits for the exit (the hang guard's minutes at most) and for the rest of its output; returns the exit code.</summary>
    public int WaitForExit()
    {
        Assert.True(Process.WaitForExit(HangGuard), $"ravine did not exit in {HangGuard.TotalMinutes} minutes: it hangs");
        Process.WaitForExit();
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill();
        Process.Dispose();
    }
}

/// <summary>
/// Tests that start the CLI as a child process run alone, after the others: each child keeps a core busy, which would
/// slow the signal timing they rely on and disturb the measurements of tests running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessCollection
{
    public const string Name = "Child processes";
}
