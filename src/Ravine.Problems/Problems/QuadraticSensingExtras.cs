using Ravine.Instances;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// What a quadratic-sensing instance folder holds besides its rows A, B and y: the width k, the start, the truth, the
/// noise level and the held-out measurements (see <see cref="InstanceFormats"/> for the files), read as a local run
/// reads them. A sharded run's coordinator reads these alone and leaves the rows to its shards.
/// </summary>
/// <param name="Width">k: the columns of x0.npy, or 4 (the published width) when the folder has none.</param>
/// <param name="Start">X0, d×k row-major: x0.npy, or drawn from the seed.</param>
/// <param name="Truth">X♮ zero-padded to d×k, or null when the folder has no truth.npy.</param>
/// <param name="TruthWidth">The columns of truth.npy (0 when there is none).</param>
/// <param name="Noise">σ of the measurement noise (0 when the folder has no noise.npy).</param>
/// <param name="HeldOut">The held-out measurements, or null when the folder has none.</param>
public sealed record QuadraticSensingExtras(int Width, double[] Start, double[]? Truth, int TruthWidth, double Noise, QuadraticSensing? HeldOut)
{
    /// <summary>Reads the extras of the instance in <paramref name="folder"/>, whose A.npy has shape (m, d).</summary>
    /// <param name="folder">The instance folder.</param>
    /// <param name="measurements">m, the rows of A.npy (error messages name it).</param>
    /// <param name="dimension">d, the columns of A.npy.</param>
    /// <param name="seed">Seeds the start when the folder has no x0.npy.</param>
    /// <exception cref="InstanceDataException">A file has the wrong shape or values.</exception>
    /// <exception cref="IO.NpyFormatException">A file is not a valid .npy file.</exception>
    public static QuadraticSensingExtras Read(string folder, int measurements, int dimension, ulong seed) =>
        Read(new InstanceFolder(folder), measurements, dimension, seed, QuadraticSensingInstance.StreamingBytes);

    /// <summary>As the public overload, with held-out A and B above <paramref name="streamingBytes"/> streamed from the files.</summary>
    internal static QuadraticSensingExtras Read(InstanceFolder folder, int measurements, int dimension, ulong seed, long streamingBytes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        int d = dimension;
        string fromA = $"A.npy has shape ({measurements}, {d})";
        var x0 = folder.ReadOptional("x0.npy", rank: 2);
        if (x0 is not null && x0.Rows != d)
            throw new InstanceDataException(folder.FilePath("x0.npy"), $"shape {InstanceFolder.Format(x0.Shape)}, expected (d, k) with d = {d}: X0 has one row per column of A, and {fromA}");
        int k = x0?.Columns ?? QuadraticSensing.PublishedWidth;
        var truth = folder.ReadOptional("truth.npy", rank: 2);
        if (truth is not null && (truth.Rows != d || truth.Columns > k))
            throw new InstanceDataException(folder.FilePath("truth.npy"), $"shape {InstanceFolder.Format(truth.Shape)}, expected (d, r) with d = {d} and r ≤ k = {k}: {fromA}, and the factor X has k = {k} columns");
        var noise = folder.ReadOptional("noise.npy", rank: 1);
        if (noise is not null) folder.Expect("noise.npy", noise, [1], "one number, the σ of the measurement noise");
        double sigma = noise?.Data[0] ?? 0;
        if (!(sigma >= 0 && double.IsFinite(sigma)))
            throw new InstanceDataException(folder.FilePath("noise.npy"), $"σ = {sigma}, expected a finite number ≥ 0");
        double[] start = x0?.Data ?? LowRankFactors.UnitGaussian(new Xoshiro256StarStar(seed), d * k);
        double[]? padded = truth is null ? null : LowRankFactors.Padded(truth.Data, d, truth.Columns, k);
        int c = truth?.Columns ?? 0;
        QuadraticSensing? heldOut = null;
        if (folder.Contains("A_heldout.npy"))
        {
            var held = QuadraticSensingInstance.ReadRows(folder, "A_heldout.npy", "B_heldout.npy", "y_heldout.npy", streamingBytes, d);
            heldOut = new QuadraticSensing(held, k, c, padded, start, sigma, null);
        }
        return new QuadraticSensingExtras(k, start, padded, c, sigma, heldOut);
    }
}
