using Ravine.Instances;

namespace Ravine.Problems;

/// <summary>The quartic Rosenbrock instance folder: <c>x0.npy</c>, the start, shape (2,). The function itself has no data.</summary>
internal sealed class QuarticRosenbrockInstance : InstanceFormat<QuarticRosenbrock>
{
    /// <inheritdoc />
    public override string Problem => "quartic-rosenbrock";

    /// <inheritdoc />
    public override IReadOnlyList<InstanceFile> Files { get; } =
    [
        new("x0.npy", "(2,)", Required: true, "the start (x, y)"),
    ];

    /// <inheritdoc />
    public override ITestProblem Load(InstanceFolder folder, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var x0 = folder.Read("x0.npy", rank: 1);
        folder.Expect("x0.npy", x0, [2], "the quartic Rosenbrock function has two variables (x, y)");
        return new QuarticRosenbrock(x0.Data);
    }

    /// <inheritdoc />
    protected override void Save(QuarticRosenbrock problem, InstanceFolder folder) => folder.Write("x0.npy", problem.Start, 2);
}
