using Ravine.Instances;

namespace Ravine.Problems;

/// <summary>
/// The single-neuron instance folder: <c>v.npy</c>, the teacher neuron, shape (d,); <c>w1.npy</c> and <c>w2.npy</c>,
/// the two student neurons at the start, shape (d,) each.
/// </summary>
internal sealed class SingleNeuronInstance : InstanceFormat<SingleNeuron>
{
    /// <inheritdoc />
    public override string Problem => "single-neuron";

    /// <inheritdoc />
    public override IReadOnlyList<InstanceFile> Files { get; } =
    [
        new("v.npy", "(d,)", Required: true, "the teacher neuron v (nonzero)"),
        new("w1.npy", "(d,)", Required: true, "the first student neuron at the start"),
        new("w2.npy", "(d,)", Required: true, "the second student neuron at the start"),
    ];

    /// <inheritdoc />
    public override ITestProblem Load(InstanceFolder folder, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var v = folder.Read("v.npy", rank: 1);
        var w1 = folder.Read("w1.npy", rank: 1);
        var w2 = folder.Read("w2.npy", rank: 1);
        string why = $"both student neurons live in R^d with the teacher, and v.npy has shape {InstanceFolder.Format(v.Shape)}";
        folder.Expect("w1.npy", w1, [.. v.Shape], why);
        folder.Expect("w2.npy", w2, [.. v.Shape], why);
        if (v.Data.All(x => x == 0))
            throw new InstanceDataException(folder.FilePath("v.npy"), "the teacher neuron is zero; the solution set {(αv, (1 − α)v)} needs v ≠ 0");
        return new SingleNeuron(w1.Data, w2.Data, v.Data);
    }

    /// <inheritdoc />
    protected override void Save(SingleNeuron problem, InstanceFolder folder)
    {
        int d = problem.InputDimension;
        double[] start = problem.Start;
        folder.Write("v.npy", problem.Teacher, d);
        folder.Write("w1.npy", start.AsSpan(0, d), d);
        folder.Write("w2.npy", start.AsSpan(d, d), d);
    }
}
