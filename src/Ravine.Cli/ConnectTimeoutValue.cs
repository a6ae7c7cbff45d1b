using System.Globalization;

namespace Ravine.Cli;

/// <summary><c>--connect-timeout SECONDS</c>: how long to wait for a cluster (a gateway, or a worker's primary); a number of seconds &gt; 0.</summary>
internal sealed class ConnectTimeoutValue() : OptionValueConverter("--connect-timeout", "a number of seconds > 0 (at most a day)")
{
    protected override object? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds <= 86_400 ? seconds : null;
}
