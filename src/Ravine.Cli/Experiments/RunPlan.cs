using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Experiments;

/// <summary>
/// <see cref="RunSettings"/> resolved into what the shared loop needs: the problem instance (generated, or loaded from
/// a folder of .npy files), the method with its resolved options, the start and the iteration limit. A run is then
/// <c>Minimizer.Minimize(plan.Problem, plan.Start, plan.Method, new MinimizeOptions { MaxIterations = plan.MaxIterations })</c>.
/// </summary>
public sealed class RunPlan
{
    private readonly double[]? _start;

    private RunPlan(RunSettings settings, ITestProblem problem, MethodArguments arguments, IMethod method, long maxIterations, double[]? start)
    {
        _start = start;
        Settings = settings;
        Problem = problem;
        Arguments = arguments;
        Method = method;
        MaxIterations = maxIterations;
    }

    /// <summary>The settings as given.</summary>
    public RunSettings Settings { get; }

    /// <summary>The problem instance.</summary>
    public ITestProblem Problem { get; }

    /// <summary>The method's registry name, lower case (e.g. <c>gdpolyak</c>).</summary>
    public string MethodName => Arguments.Method.Name;

    /// <summary>The method's options in effect (given, published, or default) and f*.</summary>
    public MethodArguments Arguments { get; }

    /// <summary>The configured method.</summary>
    public IMethod Method { get; }

    /// <summary>The start point (a fresh copy each call): the <see cref="RunSettings.X0"/> file's, else the instance's (moved by <see cref="RunSettings.StartPerturbation"/>).</summary>
    public double[] Start => _start is null ? Problem.Start : (double[])_start.Clone();

    /// <summary>
    /// The iteration limit: the settings', else the method's own budget (GDPolyak's epochs·(K + 1)), else the published
    /// experiment's K·epochs for a method the paper ran (GD, Polyak) on a problem it ran them on, else <see cref="ExternalDataIterations"/> on a problem that reads
    /// real data, else <see cref="MinimizeOptions.DefaultMaxIterations"/>.
    /// </summary>
    public long MaxIterations { get; }

    /// <summary>
    /// The gap tolerance, relative to the start's gap, of a run that sets none, whose method has no budget of its own and
    /// whose f* is known: 1e-20, near where quadratic sensing and teacher-student reach f's round-off floor, so such a
    /// run stops there and not 10⁴ iterations later at its iteration limit. (1e-12, the milestone the paper's table
    /// counts steps to, leaves a run under fourth-order growth at a distance of about 10⁻³ from the solutions; an f
    /// without a floor, such as quartic Rosenbrock's, could go much further: docs/USAGE.md.)
    /// </summary>
    public const double DefaultRelativeGapTolerance = 1e-20;

    /// <summary>
    /// The iteration limit of a run on a problem that reads real data (<see cref="ProblemDescriptor.NeedsExternalData"/>,
    /// e.g. fashion-mnist, where an oracle call takes tens of milliseconds) when neither the settings nor the method set one.
    /// </summary>
    public const long ExternalDataIterations = 3_000;

    /// <summary>The run this plan makes: its instance, method, start, budget, and the stops and validation of its settings.</summary>
    public RunSpec Spec => new(new ExperimentKey(Problem.Name, MethodName), Problem, Arguments, Method, Settings.Seed, MaxIterations)
    {
        Start = Start,
        Stops = options => WithStops(WithValidation(options)),
    };

    /// <summary>The stop criteria besides the iteration limit: the settings' tolerances and time limit, and the default gap tolerance.</summary>
    public MinimizeOptions WithStops(MinimizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool defaultGap = Settings.GapTolerance is null && Method.PlannedSteps is null && !double.IsNaN(Problem.OptimalValue);
        return options with
        {
            GapTolerance = Settings.GapTolerance ?? 0,
            RelativeGapTolerance = defaultGap ? DefaultRelativeGapTolerance : 0,
            GradientTolerance = Settings.GradientTolerance ?? 0,
            TimeLimit = Settings.TimeLimit is double seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue,
        };
    }

    /// <summary>The held-out objective that validates the run (a quadratic-sensing instance with held-out measurements), or null.</summary>
    public Objectives.IObjective? Validation => HeldOut(Problem);

    private static ITestProblem? HeldOut(ITestProblem problem) => (problem as IHasHeldOutData)?.HeldOutProblem;

    /// <summary>The loop's validation settings for this plan (none without held-out data).</summary>
    public MinimizeOptions WithValidation(MinimizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Validation is { } validation
            ? options with { Validation = validation, ValidationInterval = Settings.ValidationInterval ?? 0, Patience = Settings.Patience ?? 0 }
            : options;
    }

    // A problem whose f* is unknown (noisy measurements) says NaN: a method that needs f* then estimates it.
    internal static double? Known(double optimalValue) => double.IsNaN(optimalValue) ? null : optimalValue;

    /// <summary>
    /// The settings of <paramref name="method"/> on <paramref name="problem"/>, as <c>run</c> and <c>versus</c> make
    /// them: the options given, else the published experiment's for that problem, else the method's own defaults; f*
    /// as given, else the problem's where it is known, and none when it is to be estimated (<paramref name="optimalValueUnknown"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown option, an invalid value, or a required option without a value.</exception>
    internal static MethodArguments ArgumentsOn(ITestProblem problem, MethodDescriptor method, IReadOnlyDictionary<string, string> options,
        double? optimalValue, bool optimalValueUnknown) =>
        method.Resolve(options, PublishedExperiments.For(problem.Name)?.MethodDefaults(method),
            optimalValueUnknown ? null : optimalValue ?? Known(problem.OptimalValue));

    /// <summary>Resolves settings: builds or loads the instance and configures the method.</summary>
    /// <exception cref="ArgumentException">Unknown problem or method, or an invalid option for the method (<see cref="ArgumentException.ParamName"/> names it).</exception>
    /// <exception cref="Instances.InstanceDataException">The data folder is missing a file, or its files do not fit together or hold NaN or ±∞; or the x0 file is missing, of another length, or holds NaN or ±∞.</exception>
    /// <exception cref="IO.NpyFormatException">A data file or the x0 file is not a valid, supported .npy file.</exception>
    public static RunPlan Create(RunSettings settings)
    {
        var descriptor = Checked(settings);
        if (ShardedRun.Wanted(settings)) return CreateSharded(settings, descriptor);
        var problem = settings.Data is null
            ? Generate(settings)
            : InstanceFormats.Load(settings.Problem, settings.Data, settings.Seed);
        return Create(settings, problem, descriptor);
    }

    // An instance too large for memory can still run from files, which are streamed: the message says how to write them.
    private static ITestProblem Generate(RunSettings settings)
    {
        try
        {
            return ProblemRegistry.Find(settings.Problem).GenerateAt(settings.Seed, settings.Size);
        }
        catch (InstanceTooLargeException e)
        {
            var size = e.Sizes;
            throw new ArgumentException($"{e.Reason}; write the instance to files with `ravine generate {settings.Problem} --dimension {size["d"]} --rank {size["r"]} --width {size["k"]} --measurements {size["m"]} --out DIR` and run it with --data DIR, which streams it.", "size", e);
        }
    }

    /// <summary>
    /// The checks that need no data: the problem's name, the method and its options, and settings that could not act
    /// together. <see cref="Create(RunSettings)"/> makes them before it reads or generates an instance, so a typo fails
    /// at once; they are also the plan check of <c>run</c>'s examples, which reads no data.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown problem or method, an invalid option, or settings that do nothing together.</exception>
    /// <exception cref="Instances.InstanceDataException"><c>--data</c> names a file.</exception>
    public static void Check(RunSettings settings) => Checked(settings);

    // The checks of Check, returning the method they found so that Create looks it up once.
    private static MethodDescriptor Checked(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var descriptor = MethodRegistry.Find(settings.Method);
        descriptor.Check(settings.MethodOptions);
        ProblemRegistry.Find(settings.Problem);
        if (!descriptor.UsesOptimalValue && (settings.OptimalValue is not null || settings.OptimalValueUnknown))
            throw new ArgumentException($"{descriptor.Name} uses no f*: only the methods with Polyak steps do ({string.Join(", ", MethodRegistry.All.Where(m => m.UsesOptimalValue).Select(m => m.Name))}); drop --fstar.", "fstar");
        // Only a --data folder holds held-out data; without one, that is what to say first (not how to validate more often).
        if ((settings.ValidationInterval is not null || settings.Patience is not null) && settings.Data is null)
            throw new ArgumentException(NoHeldOutData, "patience");
        // Validation runs at the start, after each long step and every --validation-every iterations; the methods that
        // use f* are the ones with long (Polyak) steps. Without either, patience would count validations that never come.
        if (settings.Patience is > 0 && settings.ValidationInterval is null or 0 && !descriptor.UsesOptimalValue)
            throw new ArgumentException($"--patience counts validations, and {descriptor.Name} takes no long steps, after which the validation loss is measured: add --validation-every N to measure it every N iterations.", "patience");
        if (settings.Data is { } data && File.Exists(data))
            throw new Instances.InstanceDataException(data, "a file, not a folder; --data takes the folder that holds the instance's .npy files");
        if (settings.X0 is not null && settings.StartPerturbation is not null)
            throw new ArgumentException("--start-perturbation moves the instance's start; with --x0 the file is the start.", "start-perturbation");
        if (settings.Data is not null && settings.Size is not null)
            throw new ArgumentException("--size sets the sizes of a generated instance; with --data the folder's arrays fix them.", "size");
        if (ShardedRun.Wanted(settings) && settings.Threads is not null)
            throw new ArgumentException("--threads sets the threads of a local instance; in a sharded run each `ravine worker --threads T` sets its own.", "threads");
        return descriptor;
    }

    private const string NoHeldOutData = "--validation-every and --patience need held-out data: a quadratic-sensing folder (--data) with A_heldout.npy, B_heldout.npy and y_heldout.npy (ravine generate quadratic-sensing --validation M).";

    // A method of its own so that a local run never loads Ravine.Orleans and Orleans' serializer: the JIT resolves the
    // types a method body names when it compiles the method, whichever branch runs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static RunPlan CreateSharded(RunSettings settings, MethodDescriptor descriptor)
    {
        var sharded = ShardedRun.Create(settings);
        try
        {
            return Create(settings, sharded, descriptor);
        }
        catch
        {
            sharded.Dispose();
            throw;
        }
    }

    /// <summary>The plan of <paramref name="settings"/> on an instance already made (tests use it to run objectives the registry does not have).</summary>
    internal static RunPlan Create(RunSettings settings, ITestProblem problem) => Create(settings, problem, MethodRegistry.Find(settings.Method));

    private static RunPlan Create(RunSettings settings, ITestProblem problem, MethodDescriptor descriptor)
    {
        var published = PublishedExperiments.For(problem.Name);
        var arguments = ArgumentsOn(problem, descriptor, settings.MethodOptions, settings.OptimalValue, settings.OptimalValueUnknown);
        var method = descriptor.Create(arguments);
        if ((settings.ValidationInterval is not null || settings.Patience is not null) && HeldOut(problem) is null)
            throw new ArgumentException(NoHeldOutData, "patience");
        if (settings.Threads is { } threads)
        {
            if (problem is not IUsesThreads parallel)
                throw new ArgumentException($"--threads applies to quadratic-sensing only, not {problem.Name}.", "threads");
            parallel.MaxDegreeOfParallelism = threads;
            if (HeldOut(problem) is IUsesThreads held) held.MaxDegreeOfParallelism = threads;
        }
        var paperBudget = PublishedExperiments.BudgetFor(descriptor.Name, published);
        long maxIterations = settings.MaxIterations
            ?? (method.PlannedSteps is null && paperBudget is null && ProblemRegistry.All.FirstOrDefault(p => p.Name == problem.Name) is { NeedsExternalData: true }
                ? ExternalDataIterations
                : PublishedExperiments.IterationBudget(method, paperBudget));
        double[]? start = settings.X0 is { } x0 ? StartFile.Read(x0, problem) : null;
        if (settings.StartPerturbation is { } perturbation)
        {
            start = problem.Start;
            Compare.SeededStart.Perturb(start, perturbation);
        }
        return new RunPlan(settings, problem, arguments, method, maxIterations, start);
    }
}
