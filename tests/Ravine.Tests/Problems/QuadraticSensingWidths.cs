using Ravine.Problems;

namespace Ravine.Tests.Problems;

/// <summary>The check that the same quadratic sensing data at width k and k + 1 agree when the extra column is zero.</summary>
internal static class QuadraticSensingWidths
{
    /// <summary>
    /// f of <paramref name="narrow"/> at x and of <paramref name="wide"/> (the same data, one column more) at x with a
    /// zero column appended; asserts that the gradients agree to 1e-12 on the shared columns and vanish on the added
    /// one. The caller compares the two values, to the tolerance its widths call for.
    /// </summary>
    public static (double Narrow, double Wide) EvaluateWithAZeroColumn(QuadraticSensing narrow, QuadraticSensing wide, double[] x)
    {
        int d = narrow.AmbientDimension, k = narrow.Width;
        Assert.Equal((d, k + 1), (wide.AmbientDimension, wide.Width));
        var padded = new double[d * (k + 1)];
        for (int j = 0; j < d; j++) Array.Copy(x, k * j, padded, (k + 1) * j, k);
        var gNarrow = new double[x.Length];
        var gWide = new double[padded.Length];
        double fNarrow = narrow.Evaluate(x, gNarrow), fWide = wide.Evaluate(padded, gWide);
        for (int j = 0; j < d; j++)
        {
            for (int c = 0; c < k; c++) Assert.Equal(gNarrow[k * j + c], gWide[(k + 1) * j + c], 1e-12);
            Assert.Equal(0, gWide[(k + 1) * j + k]);
        }
        return (fNarrow, fWide);
    }
}
