namespace Ravine.Networks;

/// <summary>The networks by name: <c>mlp</c>, <c>cnn</c> and <c>autoencoder</c> on Fashion-MNIST.</summary>
public static class NetworkModels
{
    private static readonly (string Name, string Summary, Func<FashionMnistSplit, int, NetworkModel> Create)[] Models =
    [
        ("mlp", "784–256–128–10 ReLU classifier, 235,146 parameters", (data, threads) => new MultilayerPerceptron(data, threads)),
        ("cnn", "two conv 3×3 + max-pool layers (8, 16 filters), then 784–64–10; 52,138 parameters", (data, threads) => new ConvolutionalNetwork(data, threads)),
        ("autoencoder", "784–128–32–128–784 tanh autoencoder, sigmoid output, MSE; 209,968 parameters", (data, threads) => new Autoencoder(data, threads)),
    ];

    /// <summary>The names, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Models.Select(m => m.Name)];

    /// <summary>A line describing the model named <paramref name="name"/>.</summary>
    public static string Describe(string name) => Find(name).Summary;

    /// <summary>The model named <paramref name="name"/> on <paramref name="data"/>, its products on up to
    /// <paramref name="threads"/> threads (the results do not depend on it).</summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the names.</exception>
    public static NetworkModel Create(string name, FashionMnistSplit data, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        return Find(name).Create(data, threads);
    }

    private static (string Name, string Summary, Func<FashionMnistSplit, int, NetworkModel> Create) Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var model in Models)
            if (string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase)) return model;
        throw new ArgumentException($"Unknown network '{name}'; the networks are {string.Join(", ", Names)}.", nameof(name));
    }
}
