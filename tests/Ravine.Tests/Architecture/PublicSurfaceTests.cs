using System.Reflection;

namespace Ravine.Tests.Architecture;

/// <summary>
/// Each package's public surface, listed and reviewed here: a change to a list is a change of that package's API. A
/// type is public because a user needs it — every method and problem the CLI names is constructible from C#, and
/// Ravine.Orleans and the CLI build on these lists alone (only the tests see internals). There is no cap on the
/// count: the lists themselves are the review.
/// </summary>
public class PublicSurfaceTests
{
    /// <summary>The optimizer: objectives, the loop, the methods, traces and checkpoints.</summary>
    private static readonly string[] Core =
    [
        "Ravine.Analysis.EpochDiagnostic",
        "Ravine.Analysis.ForecastRecord",
        "Ravine.Analysis.RavineDiagnostics",
        "Ravine.Analysis.RunDiagnostics",
        "Ravine.Autodiff.Gemm",
        "Ravine.Autodiff.Tape",
        "Ravine.Autodiff.Tensor",
        "Ravine.Autodiff.TensorObjective",
        "Ravine.Autodiff.TensorProgram",
        "Ravine.Autodiff.TensorShape",
        "Ravine.IO.AtomicFile",
        "Ravine.IO.RoundTripDouble",
        "Ravine.IO.RoundTripDouble+JsonConverter",
        "Ravine.IO.RunCheckpointJson",
        "Ravine.IO.TraceAnnotation",
        "Ravine.IO.TraceCsv",
        "Ravine.Methods.BarzilaiBorweinVariant",
        "Ravine.Methods.LongStepSettings",
        "Ravine.Methods.MethodArguments",
        "Ravine.Methods.MethodDescriptor",
        "Ravine.Methods.MethodOption",
        "Ravine.Methods.MethodRegistry",
        "Ravine.Methods.MethodSpecification",
        "Ravine.Methods.OptimalValueEstimation",
        "Ravine.Methods.OptionKind",
        "Ravine.Methods.TuningScale",
        "Ravine.Objectives.GradientCheckOptions",
        "Ravine.Objectives.GradientCheckResult",
        "Ravine.Objectives.GradientChecker",
        "Ravine.Objectives.IKnowsDistanceToSolutions",
        "Ravine.Objectives.IKnowsOptimalValue",
        "Ravine.Objectives.IKnowsOracleFlops",
        "Ravine.Objectives.IObjective",
        "Ravine.Objectives.Objective",
        "Ravine.Optimization.IMethod",
        "Ravine.Optimization.IMethodState",
        "Ravine.Optimization.Iterate",
        "Ravine.Optimization.IterationInfo",
        "Ravine.Optimization.IterationObserver",
        "Ravine.Optimization.MethodMemory",
        "Ravine.Optimization.MinimizeOptions",
        "Ravine.Optimization.MinimizeResult",
        "Ravine.Optimization.Minimizer",
        "Ravine.Optimization.ObjectiveException",
        "Ravine.Optimization.ObserverAction",
        "Ravine.Optimization.OptimalValueDoubt",
        "Ravine.Optimization.Oracle",
        "Ravine.Optimization.RunCheckpoint",
        "Ravine.Optimization.StepKind",
        "Ravine.Optimization.StepReport",
        "Ravine.Optimization.StopReason",
        "Ravine.Optimization.StopReasonExtensions",
        "Ravine.Optimization.Trace",
        "Ravine.Optimization.TraceColumns",
        "Ravine.Optimization.TraceRow",
        "Ravine.Randomness.Xoshiro256StarStar",
        "Ravine.Training.EvaluationSet",
        "Ravine.Training.HeldOutScore",
        "Ravine.Training.IMiniBatchObjective",
        "Ravine.Training.BatchProgress",
        "Ravine.Training.HessianSpectrum",
        "Ravine.Training.IStochasticMethod",
        "Ravine.Training.ITrainingObserver",
        "Ravine.Training.Lanczos",
        "Ravine.Training.LanczosResult",
        "Ravine.Training.LinearOperator",
        "Ravine.Training.LongStepRecord",
        "Ravine.Training.MiniBatchAdam",
        "Ravine.Training.MiniBatchStep",
        "Ravine.Training.RavineProbe",
        "Ravine.Training.RavineProbeOptions",
        "Ravine.Training.RavineProbeResult",
        "Ravine.Training.ScheduleFreeSgd",
        "Ravine.Training.SgdMomentum",
        "Ravine.Training.ShuffledBatches",
        "Ravine.Training.SpsMax",
        "Ravine.Training.StochasticDog",
        "Ravine.Training.StochasticGdPolyak",
        "Ravine.Training.StochasticMethodDescriptor",
        "Ravine.Training.StochasticMethodRegistry",
        "Ravine.Training.StochasticStepKind",
        "Ravine.Training.StochasticStepReport",
        "Ravine.Training.Trainer",
        "Ravine.Training.TrainerOptions",
        "Ravine.Training.TrainingCheckpoint",
        "Ravine.Training.TrainingCheckpointJson",
        "Ravine.Training.TrainingResult",
        "Ravine.Training.TrainingRow",
        "Ravine.Training.TrainingStopReason",
    ];

    /// <summary>The problems: the registry, the paper's problems, the test set, sensing rows and kernels, instance files.</summary>
    private static readonly string[] Problems =
    [
        "Ravine.IO.Npy",
        "Ravine.IO.NpyArray",
        "Ravine.IO.NpyDtype",
        "Ravine.IO.NpyFormatException",
        "Ravine.IO.NpyHeader",
        "Ravine.IO.NpyShape",
        "Ravine.Instances.InstanceDataException",
        "Ravine.Instances.InstanceFile",
        "Ravine.Instances.InstanceFolder",
        "Ravine.Networks.Autoencoder",
        "Ravine.Networks.ConvolutionalNetwork",
        "Ravine.Networks.FashionMnistSplit",
        "Ravine.Networks.MultilayerPerceptron",
        "Ravine.Networks.NetworkModel",
        "Ravine.Networks.NetworkModels",
        "Ravine.Problems.BlockSeededSensing",
        "Ravine.Problems.IFactoredProblem",
        "Ravine.Problems.IHasHeldOutData",
        "Ravine.Problems.IInstanceFormat",
        "Ravine.Problems.IKnowsAccuracy",
        "Ravine.Problems.ITestProblem",
        "Ravine.Problems.IUsesThreads",
        "Ravine.Problems.InMemorySensingRows",
        "Ravine.Problems.InstanceFormats",
        "Ravine.Problems.InstanceTooLargeException",
        "Ravine.Problems.LowRankFactors",
        "Ravine.Problems.MatrixFactorization",
        "Ravine.Problems.NpySensingRows",
        "Ravine.Problems.OrthogonalProcrustes",
        "Ravine.Problems.ProblemDescriptor",
        "Ravine.Problems.ProblemRegistry",
        "Ravine.Problems.QuadraticSensing",
        "Ravine.Problems.QuadraticSensingExtras",
        "Ravine.Problems.QuarticRosenbrock",
        "Ravine.Problems.SeededSensingFiles",
        "Ravine.Problems.SeededSensingRows",
        "Ravine.Problems.SensingKernelPath",
        "Ravine.Problems.SensingPartial",
        "Ravine.Problems.SensingRowBuffer",
        "Ravine.Problems.SensingRows",
        "Ravine.Problems.SingleNeuron",
    ];

    /// <summary>Sharded objectives on Orleans.</summary>
    private static readonly string[] Orleans =
    [
        "Ravine.Orleans.GrainShard",
        "Ravine.Orleans.IObjectiveShard",
        "Ravine.Orleans.ISensingShardGrain",
        "Ravine.Orleans.InProcessShard",
        "Ravine.Orleans.MembershipUnavailableException",
        "Ravine.Orleans.RedisMembership",
        "Ravine.Orleans.SensingInstance",
        "Ravine.Orleans.SensingShardData",
        "Ravine.Orleans.ShardClusterClient",
        "Ravine.Orleans.ShardDataException",
        "Ravine.Orleans.ShardException",
        "Ravine.Orleans.ShardHosting",
        "Ravine.Orleans.ShardPartial",
        "Ravine.Orleans.ShardPlacementAttribute",
        "Ravine.Orleans.ShardPlacementStrategy",
        "Ravine.Orleans.ShardSiloOptions",
        "Ravine.Orleans.ShardedObjective",
        "Ravine.Orleans.ShardedQuadraticSensing",
    ];

    [Fact]
    public void The_core_package_exports_exactly_the_reviewed_types() =>
        AssertExports(typeof(Ravine.Optimization.Minimizer).Assembly, [.. Core, .. RegisteredMethodTypes()]);

    /// <summary>
    /// A method's settings type is public because the registry names it (every method the CLI names is constructible
    /// from C#): the registry line is its review, so adding a method needs no line here. A type counts when it is an
    /// <see cref="Ravine.Optimization.IMethod"/> whose static <c>Descriptor</c> is registered (<see cref="Ravine.Methods.MethodRegistry.LibraryType"/>).
    /// </summary>
    private static IEnumerable<string> RegisteredMethodTypes() =>
        Ravine.Methods.MethodRegistry.All.Select(m => Ravine.Methods.MethodRegistry.LibraryType(m).FullName!);


    [Fact]
    public void The_problems_package_exports_exactly_the_reviewed_types() =>
        AssertExports(typeof(Ravine.Problems.ProblemRegistry).Assembly, Problems);

    [Fact]
    public void The_orleans_package_exports_exactly_the_reviewed_types() =>
        AssertExports(typeof(Ravine.Orleans.ShardedObjective).Assembly, Orleans);

    private static void AssertExports(Assembly assembly, string[] expected)
    {
        // Orleans' code generator makes its serializers and invokers public in a namespace of its own; they are not ours to review.
        var exported = assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) != true)
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        var reviewed = expected.Order(StringComparer.Ordinal).ToArray();
        Assert.True(reviewed.SequenceEqual(exported),
            $"{assembly.GetName().Name} exports types not reviewed: [{string.Join(", ", exported.Except(reviewed))}]; "
            + $"reviewed but not exported: [{string.Join(", ", reviewed.Except(exported))}].");
    }
}
