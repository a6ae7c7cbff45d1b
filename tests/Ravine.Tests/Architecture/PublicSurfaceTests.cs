using Ravine.Optimization;

namespace Ravine.Tests.Architecture;

/// <summary>
/// The NuGet package is the optimizer: objectives, the loop, methods, problems, instance files and the ravine
/// diagnostics of a trace. This list is the
/// package's public surface; a change to it is a change of the API, reviewed here. The CLI's experiment plumbing
/// lives in the CLI.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly string[] Expected =
    [
        "Ravine.Analysis.EpochDiagnostic",
        "Ravine.Analysis.RavineDiagnostics",
        "Ravine.Analysis.RunDiagnostics",
        "Ravine.Instances.InstanceDataException",
        "Ravine.Instances.InstanceFile",
        "Ravine.Instances.InstanceFolder",
        "Ravine.IO.Npy",
        "Ravine.IO.NpyArray",
        "Ravine.IO.NpyFormatException",
        "Ravine.IO.RunCheckpointJson",
        "Ravine.IO.TraceCsv",
        "Ravine.Methods.AdaptiveGdPolyak",
        "Ravine.Methods.AdaptiveGradientDescent",
        "Ravine.Methods.Adam",
        "Ravine.Methods.ArmijoGradientDescent",
        "Ravine.Methods.BarzilaiBorwein",
        "Ravine.Methods.BarzilaiBorweinVariant",
        "Ravine.Methods.GdPolyak",
        "Ravine.Methods.GradientDescent",
        "Ravine.Methods.LBfgs",
        "Ravine.Methods.MethodArguments",
        "Ravine.Methods.MethodDescriptor",
        "Ravine.Methods.MethodOption",
        "Ravine.Methods.MethodRegistry",
        "Ravine.Methods.NesterovGradient",
        "Ravine.Methods.OptimalValueEstimation",
        "Ravine.Methods.OptionKind",
        "Ravine.Methods.PolyakStep",
        "Ravine.Objectives.GradientChecker",
        "Ravine.Objectives.GradientCheckOptions",
        "Ravine.Objectives.GradientCheckResult",
        "Ravine.Objectives.IKnowsDistanceToSolutions",
        "Ravine.Objectives.IKnowsOptimalValue",
        "Ravine.Objectives.IObjective",
        "Ravine.Objectives.Objective",
        "Ravine.Optimization.IMethod",
        "Ravine.Optimization.IMethodState",
        "Ravine.Optimization.Iterate",
        "Ravine.Optimization.IterationInfo",
        "Ravine.Optimization.IterationObserver",
        "Ravine.Optimization.MinimizeOptions",
        "Ravine.Optimization.Minimizer",
        "Ravine.Optimization.MinimizeResult",
        "Ravine.Optimization.ObjectiveException",
        "Ravine.Optimization.ObserverAction",
        "Ravine.Optimization.Oracle",
        "Ravine.Optimization.RunCheckpoint",
        "Ravine.Optimization.StepKind",
        "Ravine.Optimization.StepReport",
        "Ravine.Optimization.StopReason",
        "Ravine.Optimization.StopReasonExtensions",
        "Ravine.Optimization.Trace",
        "Ravine.Optimization.TraceRow",
        "Ravine.Problems.IInstanceFormat",
        "Ravine.Problems.InstanceFormats",
        "Ravine.Problems.ITestProblem",
        "Ravine.Problems.MatrixFactorization",
        "Ravine.Problems.ProblemDescriptor",
        "Ravine.Problems.ProblemRegistry",
        "Ravine.Problems.QuadraticSensing",
        "Ravine.Problems.QuarticRosenbrock",
        "Ravine.Problems.SingleNeuron",
        "Ravine.Randomness.Xoshiro256StarStar",
    ];

    [Fact]
    public void The_library_exports_exactly_the_reviewed_types()
    {
        var exported = typeof(Minimizer).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Expected.Order(StringComparer.Ordinal), exported);
    }

    [Fact]
    public void The_public_surface_is_at_most_63_types()
    {
        Assert.InRange(typeof(Minimizer).Assembly.GetExportedTypes().Length, 1, 63);
    }
}
