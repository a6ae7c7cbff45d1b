using Ravine.Instances;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Experiments;

/// <summary>
/// <see cref="RunSettings"/> resolved into what the shared loop needs: the problem instance (generated, or loaded from
/// a folder of .npy files), the configured method, the start and the stop options. A run is then
/// <c>Minimizer.Minimize(plan.Problem, plan.Start, plan.Method, plan.Options)</c>.
/// </summary>
public sealed class RunPlan
{
    private RunPlan(RunSettings settings, ITestProblem problem, string methodName, PublishedSettings methodSettings, double optimalValue, IMethod method, int maxIterations)
    {
        Settings = settings;
        Problem = problem;
        MethodName = methodName;
        MethodSettings = methodSettings;
        OptimalValue = optimalValue;
        Method = method;
        Options = new MinimizeOptions { MaxIterations = maxIterations };
    }

    /// <summary>The settings as given.</summary>
    public RunSettings Settings { get; }

    /// <summary>The problem instance.</summary>
    public ITestProblem Problem { get; }

    /// <summary>The method's command-line name, lower case (e.g. <c>gdpolyak</c>).</summary>
    public string MethodName { get; }

    /// <summary>η, K and epochs in effect: the problem's published values with the settings' overrides.</summary>
    public PublishedSettings MethodSettings { get; }

    /// <summary>f* as the method uses it.</summary>
    public double OptimalValue { get; }

    /// <summary>The configured method.</summary>
    public IMethod Method { get; }

    /// <summary>The start point (a fresh copy each call).</summary>
    public double[] Start => Problem.Start;

    /// <summary>The stop options: the iteration limit of the settings, or the paper's budget for the method.</summary>
    public MinimizeOptions Options { get; }

    /// <summary>Resolves settings: builds or loads the instance and configures the method.</summary>
    /// <exception cref="ArgumentException">Unknown problem or method, or an invalid setting for the method.</exception>
    /// <exception cref="InstanceDataException">The data folder is missing a file, or its files do not fit together or hold NaN or ±∞.</exception>
    /// <exception cref="IO.NpyFormatException">A data file is not a valid, supported .npy file.</exception>
    public static RunPlan Create(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The method name is checked before any data is read or generated, so a typo fails at once.
        string methodName = MethodCatalog.Names.FirstOrDefault(n => string.Equals(n, settings.Method, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown method '{settings.Method}'. Known methods: {string.Join(", ", MethodCatalog.Names)}.", "method");
        var problem = settings.Data is null
            ? ProblemSuite.Generate(settings.Problem, settings.Seed)
            : InstanceFormats.Load(settings.Problem, settings.Data, settings.Seed);
        var published = problem.Published;
        var methodSettings = new PublishedSettings(
            settings.Stepsize ?? published.Stepsize, settings.ShortSteps ?? published.ShortSteps, settings.Epochs ?? published.Epochs);
        double optimalValue = settings.OptimalValue ?? problem.OptimalValue;
        var method = MethodCatalog.Create(methodName, methodSettings, optimalValue);
        int maxIterations = settings.MaxIterations ?? MethodCatalog.IterationBudget(methodName, methodSettings);
        return new RunPlan(settings, problem, methodName, methodSettings, optimalValue, method, maxIterations);
    }
}
