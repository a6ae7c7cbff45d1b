using System.Runtime.InteropServices;
using Ravine.Cli;

namespace Ravine.Tests.Cli;

/// <summary>When a signal after the first is that signal delivered twice, and when it is a second request to quit.</summary>
public class SignalEchoTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT, PosixSignal.SIGINT, 0, true)]
    [InlineData(PosixSignal.SIGTERM, PosixSignal.SIGTERM, 100, true)]
    [InlineData(PosixSignal.SIGINT, PosixSignal.SIGINT, 1000, false)]
    [InlineData(PosixSignal.SIGTERM, PosixSignal.SIGTERM, 250, false)]
    [InlineData(PosixSignal.SIGINT, PosixSignal.SIGTERM, 0, false)]
    [InlineData(PosixSignal.SIGTERM, PosixSignal.SIGINT, 10, false)]
    public void A_repeat_of_the_first_signal_within_the_window_is_its_echo(PosixSignal first, PosixSignal signal, int milliseconds, bool echo)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), Interruption.EchoWindow);
        Assert.Equal(echo, Interruption.IsEcho(first, signal, TimeSpan.FromMilliseconds(milliseconds)));
    }
}
