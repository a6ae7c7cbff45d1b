using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;
using Spectre.Console;

// Until `reproduce` lands, the main job is a demo: the three methods on the quartic Rosenbrock function.
var problem = new QuarticRosenbrock();
double[] start = [1.2, -0.7];
IMethod[] methods = [new GdPolyak(0.0125, 100, 50, 0), new GradientDescent(0.0125), new PolyakStep(0)];
var table = new Table().AddColumns("method", "stop reason", "steps", "oracle calls", "final gap", "best distance", "longest step");
foreach (var method in methods)
{
    var result = Minimizer.Minimize(problem, start, method, new MinimizeOptions { MaxIterations = 5000 + (method is GdPolyak ? 50 : 0) });
    double bestDistance = double.PositiveInfinity;
    foreach (double d in result.Trace.Distance) bestDistance = Math.Min(bestDistance, d);
    table.AddRow(method.Name, result.StopReason.ToString(), result.Iterations.ToString(), result.OracleCalls.ToString(),
        result.Gap.ToString("E2"), bestDistance.ToString("E2"), result.LongestStep.ToString("E2"));
}
AnsiConsole.Write(table);
return 0;
