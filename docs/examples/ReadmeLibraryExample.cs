using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Examples;

/// <summary>
/// The library snippet of README.md ("Use it as a library"), compiled and run by the tests: the lines between the
/// markers are the README's, indented (ReadmeDocumentTests checks they are equal).
/// </summary>
public static class ReadmeLibraryExample
{
    /// <summary>Runs the snippet. The parameter is named Console so that the README's Console.WriteLine lines write to it.</summary>
    public static void Run(TextWriter Console)
    {
        // README.md begins
        var problem = new QuarticRosenbrock();                      // or Objective.Create(n, (x, g) => { ...; return f; })
        var method = new GdPolyak(stepsize: 0.0125, shortSteps: 100, epochs: 50, optimalValue: 0);
        var result = Minimizer.Minimize(problem, [1.2, -0.7], method, new MinimizeOptions { GapTolerance = 1e-20 });
        Console.WriteLine(result);                                  // stop reason, iterations, oracle calls, f
        Console.WriteLine($"best f = {result.BestValue:E2}, longest step = {result.LongestStep:E2}");
        foreach (var row in Enumerable.Range(0, result.Trace.Count).Select(i => result.Trace[i]))
            Console.WriteLine($"{row.Iteration} {row.Gap:E3} {row.Stepsize:E3} {row.Kind}");
        // README.md ends
    }
}
