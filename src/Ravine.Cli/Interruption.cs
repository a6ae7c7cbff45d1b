using System.Runtime.InteropServices;

namespace Ravine.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as the commands see them: the first one cancels <see cref="Token"/>, so the run under
/// way stops at its next iteration and everything gathered so far is written; a second one exits at once. Files are
/// written atomically, so exiting at once never leaves a half-written file, only the last whole one.
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>The shell's exit code for a process ended by SIGINT (128 + 2).</summary>
    public const int SigIntExitCode = 130;

    /// <summary>The shell's exit code for a process ended by SIGTERM (128 + 15).</summary>
    public const int SigTermExitCode = 143;

    private readonly CancellationTokenSource? _source;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private int _signals;
    private PosixSignal? _signal;
    private long _firstSignalAt;

    /// <summary>
    /// A repeat of the first signal within this time is the same request delivered twice, not a second Ctrl+C:
    /// <c>kill -TERM -PGID</c>, <c>timeout</c> and <c>dotnet run</c> (which forwards what it gets) deliver one request
    /// to ravine twice, and taking the echo for "quit at once" lost the results being written. A person pressing
    /// Ctrl+C again to quit does so after reading the first line, well after this.
    /// </summary>
    internal static readonly TimeSpan EchoWindow = TimeSpan.FromMilliseconds(250);

    private Interruption(CancellationToken token, CancellationTokenSource? source)
    {
        Token = token;
        _source = source;
    }

    /// <summary>Cancelled by the first signal (or by the token given to <see cref="From"/>).</summary>
    public CancellationToken Token { get; }

    /// <summary>What a run does when interrupted: the <see cref="Stopping"/> text unless a command says otherwise.</summary>
    public const string StoppingRun = "stopping at the next iteration and writing what ran";

    /// <summary>What the command does on the first signal, as the line printed then says it (a worker leaves its cluster, a run writes what ran).</summary>
    public string Stopping { get; set; } = StoppingRun;

    /// <summary>True once the run was asked to stop.</summary>
    public bool Requested => Token.IsCancellationRequested;

    /// <summary>"SIGINT", "SIGTERM", or "cancellation" when a caller's token stopped the run; null when nothing did.</summary>
    public string? Cause => !Requested ? null : _signal switch
    {
        PosixSignal.SIGTERM => "SIGTERM",
        PosixSignal.SIGINT => "SIGINT",
        _ => "cancellation",
    };

    /// <summary>The exit code of an interrupted command: 143 after SIGTERM, 130 otherwise (Ctrl+C, or a caller's token).</summary>
    public int ExitCode => _signal == PosixSignal.SIGTERM ? SigTermExitCode : SigIntExitCode;

    /// <summary>
    /// The exit code of a command that has written its results: 0 when it ran to its end; when
    /// <paramref name="interrupted"/>, <see cref="ExitCode"/>, after saying on <paramref name="notes"/> what the results
    /// hold (<paramref name="kept"/>, e.g. "the cells that ran are in results/sweep").
    /// </summary>
    public int ExitCodeAfter(bool interrupted, TextWriter notes, string kept)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (!interrupted) return 0;
        notes.WriteLine($"Interrupted ({Cause}): {kept}");
        return ExitCode;
    }

    /// <summary>Listens for SIGINT and SIGTERM until disposed, telling the user on <paramref name="error"/> what happens.</summary>
    public static Interruption ListenForSignals(TextWriter error)
    {
        var source = new CancellationTokenSource();
        var interruption = new Interruption(source.Token, source);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    interruption.OnSignal(context.Signal, error);
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // Windows has no SIGTERM to listen for; Ctrl+C still works.
            }
        }
        return interruption;
    }

    /// <summary>An interruption driven by <paramref name="token"/> alone (in-process callers and tests); it counts as Ctrl+C.</summary>
    public static Interruption From(CancellationToken token) => new(token, null);

    /// <summary>
    /// True when <paramref name="signal"/>, <paramref name="elapsed"/> after the first signal <paramref name="first"/>,
    /// is that signal's echo (see <see cref="EchoWindow"/>) rather than a second request; another signal never is.
    /// </summary>
    internal static bool IsEcho(PosixSignal first, PosixSignal signal, TimeSpan elapsed) => signal == first && elapsed < EchoWindow;

    private void OnSignal(PosixSignal signal, TextWriter error)
    {
        string name = signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        bool first;
        lock (_gate)
        {
            first = ++_signals == 1;
            if (first) (_signal, _firstSignalAt) = (signal, now);
            else if (IsEcho(_signal!.Value, signal, System.Diagnostics.Stopwatch.GetElapsedTime(_firstSignalAt, now))) return;
        }
        if (first)
        {
            error.WriteLine($"ravine: {name}: {Stopping} (Ctrl+C again quits at once)");
            error.Flush();
            _source!.Cancel();
            return;
        }
        // Every file is written to a temporary name and renamed into place, so quitting now cannot corrupt one; the one
        // appended to, run's trace CSV, holds whole rows up to the checkpoint, and a resume cuts off what follows them.
        error.WriteLine($"ravine: {name} again: quitting at once; files already written are whole");
        error.Flush();
        Environment.Exit(_signal == PosixSignal.SIGTERM ? SigTermExitCode : SigIntExitCode);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source?.Dispose();
    }
}
