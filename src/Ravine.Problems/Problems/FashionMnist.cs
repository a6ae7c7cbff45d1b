using Ravine.Objectives;
using Ravine.Randomness;

namespace Ravine.Problems;

/// <summary>
/// An over-parameterized network on real data: a fully connected network with one tanh hidden layer of width h
/// (784–h–10) fitted to a seeded subset of n Fashion-MNIST training images with the squared loss on one-hot labels,
/// full batch: f(θ) = (1/2n) Σᵢ ‖W₂ᵀtanh(W₁ᵀxᵢ + b₁) + b₂ − e_{yᵢ}‖², f* = 0.
/// </summary>
/// <remarks>
/// <para>
/// With h(d + 1) + 10(h + 1) parameters (50,890 at the default h = 64) against 10n equations (10,000 at the default
/// n = 1,000) the network interpolates the subset, so f* = 0 is attained and the minimizers form a manifold of
/// dimension at least the difference: the degenerate regime of the theory, on data nobody designed for it. The run
/// reports, besides f, the accuracy on the subset and on the 10,000 test images (<see cref="IKnowsAccuracy"/>).
/// </para>
/// <para>
/// Why tanh: the loss must be smooth for the theory (and the finite-difference check) to apply, which rules out
/// ReLU; tanh is analytic, centred at 0 like the centred inputs, and its derivative 1 − tanh² comes from the
/// activation already computed, so the backward pass needs no second transcendental call.
/// </para>
/// <para>
/// Inputs: pixels scaled to [0, 1], then centred by the subset's mean image (applied to the test images too), which
/// removes the large common direction of all images that would otherwise dominate the Hessian. Instance from one
/// <see cref="Xoshiro256StarStar"/>(seed): first the n training images (a partial Fisher–Yates shuffle of the 60,000),
/// then W₁ (d·h Gaussians scaled by 1/√d) and W₂ (h·10 Gaussians scaled by 1/√h); the biases start at 0.
/// </para>
/// <para>
/// Not thread-safe: the oracle works in buffers of the instance (see <see cref="TanhNetwork"/>).
/// </para>
/// </remarks>
internal sealed class FashionMnist : ITestProblem, IKnowsAccuracy
{
    /// <summary>The default number of training images: one oracle call then costs about 10⁸ multiply-adds.</summary>
    public const int DefaultTrainingImages = 1000;

    /// <summary>The default hidden width: 50,890 parameters, five times the 10,000 equations of the default subset.</summary>
    public const int DefaultHiddenWidth = 64;

    private const int D = FashionMnistData.Pixels, C = FashionMnistData.Classes;

    private readonly int _n, _h;
    private readonly TanhNetwork _network;
    private readonly double[] _start, _mean;
    private readonly int[] _trainLabels;
    private readonly byte[] _testImages, _testLabels;
    private readonly double[] _trainInputs;

    /// <summary>The instance of a seed on the given images (row-major bytes, <see cref="FashionMnistData.Pixels"/> per image).</summary>
    public FashionMnist(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels, int trainingImages, int hiddenWidth, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(trainImages);
        ArgumentNullException.ThrowIfNull(trainLabels);
        ArgumentNullException.ThrowIfNull(testImages);
        ArgumentNullException.ThrowIfNull(testLabels);
        if (trainImages.Length != (long)trainLabels.Length * D || testImages.Length != (long)testLabels.Length * D)
            throw new ArgumentException($"Each image has {D} pixels: {trainImages.Length} and {testImages.Length} bytes do not fit {trainLabels.Length} and {testLabels.Length} labels.");
        ArgumentOutOfRangeException.ThrowIfLessThan(trainingImages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainingImages, trainLabels.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenWidth, 1);
        _n = trainingImages;
        _h = hiddenWidth;
        var rng = new Xoshiro256StarStar(seed);
        int[] chosen = ChooseSubset(rng, trainLabels.Length, trainingImages);

        _trainInputs = new double[(long)_n * D];
        _trainLabels = new int[_n];
        var targets = new double[_n * C];
        _mean = new double[D];
        for (int i = 0; i < _n; i++)
        {
            int image = chosen[i];
            _trainLabels[i] = trainLabels[image];
            targets[i * C + trainLabels[image]] = 1;
            for (int j = 0; j < D; j++)
                _trainInputs[(long)i * D + j] = trainImages[(long)image * D + j] / 255.0;
        }
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < D; j++) _mean[j] += _trainInputs[(long)i * D + j];
        for (int j = 0; j < D; j++) _mean[j] /= _n;
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < D; j++) _trainInputs[(long)i * D + j] -= _mean[j];

        _network = new TanhNetwork(_trainInputs, targets, _n, D, _h, C);
        _start = new double[Dimension];
        double[] w1 = rng.NextGaussians(D * _h), w2 = rng.NextGaussians(_h * C);
        for (int k = 0; k < w1.Length; k++) _start[k] = w1[k] / Math.Sqrt(D);
        int w2At = D * _h + _h;
        for (int k = 0; k < w2.Length; k++) _start[w2At + k] = w2[k] / Math.Sqrt(_h);
        _testImages = testImages;
        _testLabels = testLabels;
    }

    /// <summary>The instance of a seed on the Fashion-MNIST files of <paramref name="folder"/> (default: <see cref="FashionMnistData.DefaultFolder"/>).</summary>
    /// <exception cref="FileNotFoundException">The data are not installed; the message says how to get them.</exception>
    public static FashionMnist Generate(ulong seed, int trainingImages = DefaultTrainingImages, int hiddenWidth = DefaultHiddenWidth, string? folder = null)
    {
        var data = FashionMnistData.Load(folder ?? FashionMnistData.DefaultFolder);
        return new FashionMnist(data.TrainImages, data.TrainLabels, data.TestImages, data.TestLabels, trainingImages, hiddenWidth, seed);
    }

    /// <summary>n, the number of training images in f.</summary>
    public int TrainingImages => _n;

    /// <summary>h, the hidden width.</summary>
    public int HiddenWidth => _h;

    /// <inheritdoc />
    public string Name => "fashion-mnist";

    /// <inheritdoc />
    public string Title => $"Fashion-MNIST, tanh network 784–{_h}–10 on {_n:N0} training images";

    /// <inheritdoc />
    public double[] Start => (double[])_start.Clone();

    /// <inheritdoc />
    public int Dimension => TanhNetwork.ParameterCount(D, _h, C);

    /// <inheritdoc />
    public double OptimalValue => 0;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ProblemArguments.Check(x, gradient, Dimension);
        return _network.Evaluate(x, gradient);
    }

    /// <inheritdoc />
    public double TrainAccuracy(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, Dimension);
        var predictions = new int[_n];
        _network.Predict(x, _trainInputs, _n, predictions);
        int correct = 0;
        for (int i = 0; i < _n; i++) if (predictions[i] == _trainLabels[i]) correct++;
        return (double)correct / _n;
    }

    /// <inheritdoc />
    public double TestAccuracy(ReadOnlySpan<double> x)
    {
        ProblemArguments.Check(x, Dimension);
        // In blocks, so the test set stays bytes (7.8 MB, not 63 MB of doubles).
        const int Block = 500;
        int count = _testLabels.Length, correct = 0;
        var inputs = new double[Block * D];
        var predictions = new int[Block];
        for (int start = 0; start < count; start += Block)
        {
            int rows = Math.Min(Block, count - start);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < D; j++)
                    inputs[i * D + j] = _testImages[(long)(start + i) * D + j] / 255.0 - _mean[j];
            _network.Predict(x, inputs.AsSpan(0, rows * D), rows, predictions);
            for (int i = 0; i < rows; i++) if (predictions[i] == _testLabels[start + i]) correct++;
        }
        return count == 0 ? double.NaN : (double)correct / count;
    }

    /// <summary>n distinct indices of [0, total): the first n of a Fisher–Yates shuffle, in the order drawn.</summary>
    private static int[] ChooseSubset(Xoshiro256StarStar rng, int total, int n)
    {
        var indices = new int[total];
        for (int i = 0; i < total; i++) indices[i] = i;
        for (int i = 0; i < n; i++)
        {
            int j = i + (int)(rng.NextDouble() * (total - i));
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        return indices[..n];
    }
}
