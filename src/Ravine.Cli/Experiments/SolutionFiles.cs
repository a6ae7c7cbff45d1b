using Ravine.IO;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// The points a <c>ravine run</c> hands back, as .npy files in its output folder, and as <c>summary.json</c> names them:
/// <see cref="BestX"/> the point the run returns (the best one it saw), <see cref="X"/> the last iterate, both shaped as
/// the problem's variables (<see cref="Shape"/>).
/// </summary>
/// <param name="X">The last iterate's file, relative to the output folder (<c>x.npy</c>).</param>
/// <param name="BestX">The returned point's file, relative to the output folder (<c>best_x.npy</c>).</param>
/// <param name="Shape">The arrays' shape: (d, k) for the factor X of quadratic sensing and matrix factorization, else (n,).</param>
public sealed record SolutionFiles(string X, string BestX, IReadOnlyList<int> Shape)
{
    /// <summary>The last iterate's file name.</summary>
    public const string XFile = "x.npy";

    /// <summary>The returned (best) point's file name.</summary>
    public const string BestXFile = "best_x.npy";

    /// <summary>The files' names, for the list of the files a run writes.</summary>
    public static IReadOnlyList<string> Names { get; } = [XFile, BestXFile];

    /// <summary>
    /// The shape of <paramref name="problem"/>'s variables as its instance folder stores the start <c>x0.npy</c>: the
    /// d×k factor of quadratic sensing (sharded too) and matrix factorization, in row-major order as the vector holds it; a vector
    /// of the problem's dimension for every other problem (their variables have no matrix shape worth more than the
    /// flat order the problem documents).
    /// </summary>
    public static int[] ShapeOf(ITestProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem switch
        {
            IFactoredProblem factored => [factored.AmbientDimension, factored.Width],
            _ => [problem.Dimension],
        };
    }

    /// <summary>Writes the result's points into <paramref name="folder"/> (each atomically) and returns what names them.</summary>
    public static SolutionFiles Write(string folder, ITestProblem problem, MinimizeResult result)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(result);
        int[] shape = ShapeOf(problem);
        Npy.Write(Path.Combine(folder, XFile), result.FinalX, shape);
        Npy.Write(Path.Combine(folder, BestXFile), result.BestX, shape);
        return new SolutionFiles(XFile, BestXFile, shape);
    }
}
