// A program of your own that uses Ravine: run GDPolyak, print why it stopped, write its trace as CSV.
using Ravine.IO;
using Ravine.Methods;
using Ravine.Optimization;
using Ravine.Problems;

var problem = new QuarticRosenbrock();
var method = new GdPolyak(stepsize: 0.0125, shortSteps: 100, epochs: 50, optimalValue: 0);
var result = Minimizer.Minimize(problem, [1.2, -0.7], method, new MinimizeOptions { GapTolerance = 1e-20 });
Console.WriteLine(result);

// The same CSV as ravine's <problem>/<method>.csv: doubles round-trip exactly; pandas.read_csv reads it.
string path = args.Length > 0 ? args[0] : "trace.csv";
TraceCsv.Write(result.Trace, path);
Console.WriteLine($"{result.Trace.Count} rows written to {path}");
