using Ravine.Optimization;

namespace Ravine.Analysis;

/// <summary>
/// The growth order and contraction factor of each epoch, read off a trace as it grows (see docs/DIAGNOSTICS.md).
/// Only the trace's scalars are used, so a resumed run that reads its trace back computes the same numbers, and each
/// call looks only at the rows added since the last one.
/// </summary>
/// <remarks>
/// An epoch's sample is the point its long step left from, when short steps led there (the row before the long step): after the short steps the
/// iterate sits on the ravine, where f − f* ~ δ^p, ‖∇f‖ ~ δ^(p−1) and so the Polyak step t = (f − f*)/‖∇f‖² ~ δ^(2−p).
/// Over the last <see cref="Window"/> samples, by least squares in log space: with distances,
/// p = slope of log gap on log distance and q = exp(slope of log distance on the epoch number); without them,
/// s = slope of log t on log gap gives p = 2/(1 + s), and q = exp(slope of log gap on the epoch number / p).
/// </remarks>
public sealed class RavineDiagnostics
{
    /// <summary>The number of recent epochs each estimate is fitted to.</summary>
    public const int Window = 5;

    /// <summary>The fewest samples an estimate is made from.</summary>
    public const int MinimumSamples = 3;

    private readonly double[] _epoch = new double[Window], _logGap = new double[Window], _logDistance = new double[Window], _logStep = new double[Window];
    private readonly List<EpochDiagnostic> _epochs = [];
    private readonly Dictionary<int, int> _byRow = [];
    private int _scanned = 1, _epochCount, _samples;

    /// <summary>The diagnostics of the epochs scanned so far that ended with a long step, in order (the share is left NaN).</summary>
    public IReadOnlyList<EpochDiagnostic> Epochs => _epochs;

    /// <summary>The diagnostics of the epoch whose long step is row <paramref name="row"/>, or null.</summary>
    public EpochDiagnostic? AtRow(int row) => _byRow.TryGetValue(row, out int i) ? _epochs[i] : null;

    /// <summary>Scans the rows of <paramref name="trace"/> added since the last call.</summary>
    public void Advance(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var kind = trace.Kind;
        for (int i = _scanned; i < trace.Count; i++)
        {
            if (kind[i] is not (StepKind.Long or StepKind.Skipped or StepKind.Rejected)) continue;
            _epochCount++;
            // Only a long step taken after short steps samples the ravine: a method of long steps alone (Polyak) moves
            // by little between them, and fits over such steps measured noise (on quartic Rosenbrock p from −9,000 to 700,000).
            if (kind[i] != StepKind.Long || kind[i - 1] != StepKind.Short) continue;
            double gap = trace.Gap[i - 1];
            // With f* unknown, the gap the method itself steps by.
            if (double.IsNaN(gap) && trace.OptimalValueEstimate.Length > 0) gap = trace.Value[i - 1] - trace.OptimalValueEstimate[i - 1];
            double step = trace.Stepsize[i], distance = trace.Distance[i - 1];
            if (!(gap > 0 && double.IsFinite(gap) && step > 0 && double.IsFinite(step))) continue;
            int slot = _samples++ % Window;
            _epoch[slot] = _epochCount;
            _logGap[slot] = Math.Log(gap);
            _logStep[slot] = Math.Log(step);
            _logDistance[slot] = distance > 0 && double.IsFinite(distance) ? Math.Log(distance) : double.NaN;
            var (p, q, fromDistance, r2) = Estimate();
            _byRow[i] = _epochs.Count;
            _epochs.Add(new EpochDiagnostic(_epochCount, i, p, q, double.NaN, fromDistance, Math.Min(_samples, Window), r2));
        }
        _scanned = Math.Max(_scanned, trace.Count);
    }

    private (double GrowthOrder, double Contraction, bool FromDistance, double FitQuality) Estimate()
    {
        int n = Math.Min(_samples, Window);
        if (n < MinimumSamples) return (double.NaN, double.NaN, false, double.NaN);
        bool withDistance = true;
        for (int j = 0; j < n; j++) withDistance &= !double.IsNaN(_logDistance[j]);
        if (withDistance)
            return (Slope(_logDistance, _logGap, n), Math.Exp(Slope(_epoch, _logDistance, n)), true, Determination(_logDistance, _logGap, n));
        double s = Slope(_logGap, _logStep, n);
        double p = 2 / (1 + s);
        return (p, Math.Exp(Slope(_epoch, _logGap, n) / p), false, Determination(_logGap, _logStep, n));
    }

    // R² of the least-squares line of y on x: the squared correlation; NaN when x or y does not vary.
    private static double Determination(double[] x, double[] y, int n)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy * sxy / (sxx * syy) : double.NaN;
    }

    // The ring holds the last samples out of order, which a least-squares fit does not mind.
    private static double Slope(double[] x, double[] y, int n) => LeastSquaresSlope(x.AsSpan(0, n), y.AsSpan(0, n));

    /// <summary>The least-squares slope of <paramref name="y"/> on <paramref name="x"/>; NaN when every x is the same.</summary>
    public static double LeastSquaresSlope(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < x.Length; i++) { mx += x[i]; my += y[i]; }
        mx /= x.Length;
        my /= x.Length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx > 0 ? sxy / sxx : double.NaN;
    }
}
