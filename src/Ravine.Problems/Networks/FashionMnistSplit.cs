using Ravine.Problems;
using Ravine.Randomness;
using Ravine.Training;

namespace Ravine.Networks;

/// <summary>
/// Fashion-MNIST for training networks: the 60,000 training images less a seeded validation split, and the 10,000
/// test images, with pixels scaled to [0, 1] as a batch is assembled.
/// </summary>
/// <remarks>
/// The images stay bytes (47 MB for the whole set) and are converted per batch, so a model costs no more memory
/// than its batch. The validation images are drawn by a Fisher–Yates shuffle of the training set's indices with a
/// <see cref="Xoshiro256StarStar"/> of the split seed; the remaining training images keep their file order.
/// </remarks>
public sealed class FashionMnistSplit
{
    /// <summary>The default number of training images held out for validation.</summary>
    public const int DefaultValidationExamples = 5000;

    /// <summary>Pixels per image (28×28).</summary>
    public const int Pixels = FashionMnistData.Pixels;

    /// <summary>The number of classes.</summary>
    public const int Classes = FashionMnistData.Classes;

    private readonly byte[] _trainImages, _trainLabels, _testImages, _testLabels;
    private readonly int[] _training, _validation;

    internal FashionMnistSplit(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels, int validationExamples, ulong splitSeed)
    {
        if (trainImages.Length != (long)trainLabels.Length * Pixels || testImages.Length != (long)testLabels.Length * Pixels)
            throw new ArgumentException($"Each image has {Pixels} pixels: {trainImages.Length} and {testImages.Length} bytes do not fit {trainLabels.Length} and {testLabels.Length} labels.");
        if (validationExamples < 0 || validationExamples >= trainLabels.Length)
            throw new ArgumentOutOfRangeException(nameof(validationExamples), validationExamples, $"The validation split takes 0 to {trainLabels.Length - 1} of the {trainLabels.Length} training images.");
        (_trainImages, _trainLabels, _testImages, _testLabels) = (trainImages, trainLabels, testImages, testLabels);
        var order = Enumerable.Range(0, trainLabels.Length).ToArray();
        var random = new Xoshiro256StarStar(splitSeed);
        for (int i = 0; i < validationExamples; i++)
        {
            int j = i + (int)(random.NextUInt64() % (ulong)(order.Length - i));
            (order[i], order[j]) = (order[j], order[i]);
        }
        _validation = order[..validationExamples];
        _training = order[validationExamples..];
        Array.Sort(_training);
    }

    /// <summary>
    /// Reads Fashion-MNIST from <paramref name="folder"/> (default: <c>RAVINE_FASHION_MNIST</c>, else
    /// /usr/share/datasets/fashion-mnist, where Debian's <c>dataset-fashion-mnist</c> installs it) and holds out
    /// <paramref name="validationExamples"/> training images drawn with <paramref name="splitSeed"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to install the data.</exception>
    /// <exception cref="Ravine.IO.IdxFormatException">A file is truncated or not a valid IDX file.</exception>
    public static FashionMnistSplit Load(string? folder = null, int validationExamples = DefaultValidationExamples, ulong splitSeed = 0)
    {
        var data = FashionMnistData.Load(folder ?? FashionMnistData.DefaultFolder);
        return new FashionMnistSplit(data.TrainImages, data.TrainLabels, data.TestImages, data.TestLabels, validationExamples, splitSeed);
    }

    /// <summary>The number of training examples (the training images less the validation split).</summary>
    public int TrainingExamples => _training.Length;

    /// <summary>The number of validation examples.</summary>
    public int ValidationExamples => _validation.Length;

    /// <summary>The number of test examples.</summary>
    public int TestExamples => _testLabels.Length;

    /// <summary>The number of examples in <paramref name="set"/>.</summary>
    public int Count(EvaluationSet set) => set switch
    {
        EvaluationSet.Training => _training.Length,
        EvaluationSet.Validation => _validation.Length,
        _ => _testLabels.Length,
    };

    /// <summary>Writes example <paramref name="index"/> of <paramref name="set"/>: its pixels in [0, 1] and its label.</summary>
    internal int Example(EvaluationSet set, int index, Span<double> pixels)
    {
        var (images, labels, image) = set switch
        {
            EvaluationSet.Training => (_trainImages, _trainLabels, _training[index]),
            EvaluationSet.Validation => (_trainImages, _trainLabels, _validation[index]),
            _ => (_testImages, _testLabels, index),
        };
        ReadOnlySpan<byte> source = images.AsSpan(image * Pixels, Pixels);
        for (int p = 0; p < Pixels; p++) pixels[p] = source[p] / 255.0;
        return labels[image];
    }
}
