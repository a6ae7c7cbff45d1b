using Ravine.Networks;
using Ravine.Training;

namespace Ravine.Cli.Training;

/// <summary>What a model is built with: the validation split's size, the threads it may use, and the seed.</summary>
internal sealed record TrainingModelRequest(int ValidationExamples, int Threads);

/// <summary>A model <c>ravine train</c> can train: its name, a line on what it is, and its factory.</summary>
internal sealed record TrainingModel(string Name, string Summary, Func<TrainingModelRequest, IMiniBatchObjective> Create);

/// <summary>The models <c>ravine train --model</c> names.</summary>
internal sealed class TrainingModels(IReadOnlyList<TrainingModel> models)
{
    /// <summary>The built-in models: the networks of <see cref="NetworkModels"/> on the full Fashion-MNIST, read when a model is created.</summary>
    public static TrainingModels BuiltIn { get; } = new([.. NetworkModels.Names.Select(name => new TrainingModel(name, NetworkModels.Describe(name),
        request => NetworkModels.Create(name, FashionMnistSplit.Load(validationExamples: request.ValidationExamples), request.Threads)))]);

    /// <summary>The models, in the order help lists them.</summary>
    public IReadOnlyList<TrainingModel> All => models;

    /// <summary>The model of that name.</summary>
    /// <exception cref="ArgumentException">No model has that name; the message lists them.</exception>
    public TrainingModel Get(string name) =>
        models.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException(models.Count == 0
            ? $"Unknown model '{name}': this build has no training models."
            : $"Unknown model '{name}'. The models: {string.Join(", ", models.Select(m => m.Name))}.", nameof(name));
}
