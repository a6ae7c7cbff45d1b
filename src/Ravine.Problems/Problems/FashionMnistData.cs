using Ravine.IO;

namespace Ravine.Problems;

/// <summary>
/// The Fashion-MNIST files (Xiao, Rasul, Vollgraf 2017: 60,000 training and 10,000 test images of 28×28 grey
/// pixels in 10 classes of clothing), read from the folder Debian's <c>dataset-fashion-mnist</c> installs them in, or
/// from the folder the environment variable <see cref="FolderVariable"/> names.
/// </summary>
internal sealed class FashionMnistData
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> puts the IDX files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The environment variable that points to another folder with the same four files.</summary>
    public const string FolderVariable = "RAVINE_FASHION_MNIST";

    /// <summary>Pixels per image (28×28).</summary>
    public const int Pixels = 28 * 28;

    /// <summary>The number of classes.</summary>
    public const int Classes = 10;

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    private FashionMnistData(string folder, byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels)
    {
        Folder = folder;
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        TestImages = testImages;
        TestLabels = testLabels;
    }

    /// <summary>The folder the files came from.</summary>
    public string Folder { get; }
    /// <summary>The training images, <see cref="Pixels"/> bytes each, in file order.</summary>
    public byte[] TrainImages { get; }
    /// <summary>The training labels, 0–9.</summary>
    public byte[] TrainLabels { get; }
    /// <summary>The test images.</summary>
    public byte[] TestImages { get; }
    /// <summary>The test labels.</summary>
    public byte[] TestLabels { get; }

    /// <summary>The folder to read: <see cref="FolderVariable"/> when set, else <see cref="DebianFolder"/>.</summary>
    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : DebianFolder;

    /// <summary>Why the data cannot be read from <paramref name="folder"/> (a missing file), or null when all four files are there.</summary>
    public static string? Missing(string folder)
    {
        var absent = FileNames.Where(name => !File.Exists(Path.Combine(folder, name))).ToArray();
        return absent.Length == 0 ? null
            : $"Fashion-MNIST is not in {folder} (missing {string.Join(", ", absent)}): install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or set {FolderVariable} to a folder holding the four IDX files.";
    }

    /// <summary>Reads the four files of <paramref name="folder"/> (gzip or raw IDX) and checks that they fit together.</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to install the data.</exception>
    /// <exception cref="IdxFormatException">A file is not a valid IDX file or does not fit the others.</exception>
    public static FashionMnistData Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (Missing(folder) is { } reason)
            throw new FileNotFoundException(reason);
        var paths = FileNames.Select(name => Path.Combine(folder, name)).ToArray();
        var trainImages = Images(paths[0]);
        var trainLabels = Labels(paths[1], trainImages.Count);
        var testImages = Images(paths[2]);
        var testLabels = Labels(paths[3], testImages.Count);
        return new FashionMnistData(folder, trainImages.Data, trainLabels, testImages.Data, testLabels);
    }

    private static IdxArray Images(string path)
    {
        var images = IdxReader.Read(path);
        if (images.Dimensions is not [_, 28, 28])
            throw new IdxFormatException(path, $"expected images of 28 × 28 pixels (dimensions n × 28 × 28), found {string.Join(" × ", images.Dimensions)}");
        return images;
    }

    private static byte[] Labels(string path, int images)
    {
        var labels = IdxReader.Read(path);
        if (labels.Dimensions.Length != 1 || labels.Count != images)
            throw new IdxFormatException(path, $"expected {images} labels (one dimension, one per image), found dimensions {string.Join(" × ", labels.Dimensions)}");
        int bad = Array.FindIndex(labels.Data, label => label >= Classes);
        if (bad >= 0)
            throw new IdxFormatException(path, $"label {bad} is {labels.Data[bad]}; the classes are 0 to {Classes - 1}");
        return labels.Data;
    }
}
