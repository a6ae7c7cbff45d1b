using System.Globalization;
using Ravine.Cli.Paper;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Cli.Versus;

/// <summary>
/// A method with some of its options, written as on the command line of <c>ravine versus</c>:
/// <c>"gdpolyak-adaptive window=5"</c>. Options left out take the paper's value on a problem it ran, else the
/// method's default, as in <c>ravine run</c>. One pseudo-option belongs to the contender, not the method:
/// <c>fstar=unknown</c> hides the problem's f* from a method that uses one (it then estimates f*), <c>fstar=F</c>
/// gives it F instead, and <c>fstar-offset=δ</c> gives it the problem's f* + δ (a wrong f* by a known amount on every
/// problem). (<c>fstar-estimate=F</c> is a method option: f* unknown, estimate starting at F.)
/// </summary>
public sealed class Contender
{
    /// <summary>The pseudo-option's key.</summary>
    public const string OptimalValueKey = "fstar";

    /// <summary>The pseudo-option of an f* given relative to the problem's: f* + δ.</summary>
    public const string OptimalValueOffsetKey = "fstar-offset";

    private readonly bool _optimalValueUnknown;
    private readonly double? _optimalValue;
    private readonly double? _optimalValueOffset;

    private Contender(string text, MethodDescriptor method, IReadOnlyDictionary<string, string> options, bool optimalValueUnknown, double? optimalValue,
        double? optimalValueOffset)
    {
        _optimalValueOffset = optimalValueOffset;
        Text = text;
        Method = method;
        Options = options;
        _optimalValueUnknown = optimalValueUnknown;
        _optimalValue = optimalValue;
    }

    /// <summary>The spec as given.</summary>
    public string Text { get; }

    /// <summary>The method.</summary>
    public MethodDescriptor Method { get; }

    /// <summary>The options given, by key, as text.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>Parses "NAME KEY=VALUE …".</summary>
    /// <exception cref="ArgumentException">An unknown method or option, a malformed pair, or an invalid value.</exception>
    public static Contender Parse(string text)
    {
        var (name, given) = MethodSpecification.Split(text);
        var method = MethodRegistry.Find(name);
        var options = new Dictionary<string, string>(given, StringComparer.Ordinal);
        bool unknown = false;
        double? optimalValue = null;
        if (options.Remove(OptimalValueKey, out string? fstar))
        {
            if (!method.UsesOptimalValue)
                throw new ArgumentException($"{method.Name} uses no f*, so '{OptimalValueKey}=' does not apply in '{text}'.");
            if (string.Equals(fstar, "unknown", StringComparison.OrdinalIgnoreCase))
            {
                if (!MethodRegistry.OptimalValueEstimators.Contains(method.Name))
                    throw new ArgumentException($"{method.Name} needs a known f* and cannot estimate one, so '{OptimalValueKey}=unknown' does not apply in '{text}'; the methods that estimate f* are {string.Join(", ", MethodRegistry.OptimalValueEstimators)}.");
                unknown = true;
            }
            else if (double.TryParse(fstar, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) && double.IsFinite(f)) optimalValue = f;
            else throw new ArgumentException($"'{OptimalValueKey}' takes a finite number or 'unknown', not '{fstar}' in '{text}'.");
        }
        double? offset = null;
        if (options.Remove(OptimalValueOffsetKey, out string? delta))
        {
            if (!method.UsesOptimalValue)
                throw new ArgumentException($"{method.Name} uses no f*, so '{OptimalValueOffsetKey}=' does not apply in '{text}'.");
            if (fstar is not null)
                throw new ArgumentException($"'{OptimalValueKey}=' and '{OptimalValueOffsetKey}=' both say which f* to use: give one of them in '{text}'.");
            offset = double.TryParse(delta, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d
                : throw new ArgumentException($"'{OptimalValueOffsetKey}' takes a finite number δ (f* given as the problem's f* + δ), not '{delta}' in '{text}'.");
        }
        method.Check(options);
        return new Contender(text, method, options, unknown, optimalValue, offset);
    }

    /// <summary>
    /// The required options that have no value on <paramref name="problemName"/>: not given here, without a default of
    /// their own, and not published for that problem (the paper ran GDPolyak with its η and K on its four problems only).
    /// </summary>
    public IReadOnlyList<string> MissingOn(string problemName)
    {
        var published = PublishedExperiments.For(ProblemRegistry.Find(problemName).Name)?.MethodDefaults(Method);
        return Method.Options.Where(o => o.Required && o.Default is null && !Options.ContainsKey(o.Key) && published?.ContainsKey(o.Key) != true)
            .Select(o => o.Key).ToArray();
    }

    /// <summary>The run of this contender on <paramref name="problem"/> (seed <paramref name="seed"/>), from its start, with the run's iteration budget.</summary>
    /// <exception cref="ArgumentException"><c>fstar-offset</c> on a problem whose f* is unknown.</exception>
    public Experiments.RunSpec For(ITestProblem problem, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var published = PublishedExperiments.For(problem.Name);
        double? optimalValue = _optimalValueOffset is double delta
            ? (double.IsNaN(problem.OptimalValue)
                ? throw new ArgumentException($"{problem.Name} has no known f*, so '{OptimalValueOffsetKey}=' does not apply in '{Text}'.")
                : problem.OptimalValue + delta)
            : _optimalValue;
        var arguments = Experiments.RunPlan.ArgumentsOn(problem, Method, Options, optimalValue, _optimalValueUnknown);
        var method = Method.Create(arguments);
        return new(new Experiments.ExperimentKey(problem.Name, Method.Name), problem, arguments, method, seed, PublishedExperiments.IterationBudget(method, PublishedExperiments.BudgetFor(Method.Name, published)));
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString(CultureInfo.InvariantCulture);
}
