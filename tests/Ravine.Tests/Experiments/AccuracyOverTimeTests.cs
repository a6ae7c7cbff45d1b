using Ravine.Cli.Experiments;
using Ravine.IO;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Problems;

namespace Ravine.Tests.Experiments;

public class AccuracyOverTimeTests
{
    /// <summary>
    /// A tiny classifier: example i is classified correctly when xᵢ has the sign of its label. f = ½ Σ (xᵢ − labelᵢ)², so
    /// gradient descent from a wrong start turns the examples right one by one (the larger the curvature, the sooner).
    /// Training examples are the first four coordinates, test examples the last two. It counts its accuracy calls.
    /// </summary>
    private sealed class SignClassifier : IObjective, IKnowsAccuracy
    {
        private static readonly double[] Labels = [1, -1, 1, -1, 1, -1];
        private static readonly double[] Curvature = [1, 0.5, 0.2, 0.1, 0.05, 0.02];
        public int AccuracyCalls { get; private set; }
        public int Dimension => 6;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double f = 0;
            for (int i = 0; i < 6; i++)
            {
                double d = x[i] - Labels[i];
                gradient[i] = Curvature[i] * d;
                f += 0.5 * Curvature[i] * d * d;
            }
            return f;
        }

        public double TrainAccuracy(ReadOnlySpan<double> x) { AccuracyCalls++; return Correct(x, 0, 4); }
        public double TestAccuracy(ReadOnlySpan<double> x) { AccuracyCalls++; return Correct(x, 4, 6); }

        public static double Correct(ReadOnlySpan<double> x, int from, int to)
        {
            int right = 0;
            for (int i = from; i < to; i++) if (Math.Sign(x[i]) == Math.Sign(Labels[i])) right++;
            return right / (double)(to - from);
        }
    }

    private static readonly double[] WrongStart = [-1, 1, -1, 1, -1, 1];

    [Fact]
    public void Accuracies_are_sampled_at_the_schedule_without_oracle_calls_and_land_in_the_trace_csv()
    {
        var classifier = new SignClassifier();
        const long budget = 400;
        var observations = new RunObservations(classifier, budget);
        var points = new Dictionary<long, double[]>();
        var result = Minimizer.Minimize(classifier, WrongStart, new GradientDescent(1.0), new MinimizeOptions
        {
            MaxIterations = budget,
            Observer = (in IterationInfo info) =>
            {
                observations.Observe(in info);
                if (AccuracySchedule.Due(info.Iteration, budget)) points[info.Iteration] = info.X.ToArray();
                return ObserverAction.Continue;
            },
        });
        Assert.Equal(budget + 1, result.OracleCalls);
        var samples = observations.Accuracy;
        Assert.Equal([0, 1, 2, 5, 10, 20, 40, 50, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300, 320, 340, 360, 380, 400],
            samples.Select(s => s.Iteration));
        Assert.Equal(2 * samples.Count, classifier.AccuracyCalls);
        Assert.All(samples, s =>
        {
            Assert.Equal(SignClassifier.Correct(points[s.Iteration], 0, 4), s.Train);
            Assert.Equal(SignClassifier.Correct(points[s.Iteration], 4, 6), s.Test);
            Assert.Equal(s.Iteration + 1, s.OracleCalls);
        });
        // From all wrong to all right, in order of curvature: the run's accuracy rises over time.
        Assert.Equal((0.0, 0.0), (samples[0].Train, samples[0].Test));
        Assert.Equal((1.0, 1.0), (samples[^1].Train, samples[^1].Test));
        Assert.Contains(samples, s => s.Train is > 0 and < 1);

        var text = new StringWriter();
        TraceCsv.Write(result.Trace, text, observations.Annotations(result.Trace));
        var annotations = new Dictionary<int, TraceAnnotation>();
        TraceCsv.Read(new StringReader(text.ToString()), annotations);
        Assert.Equal(samples.Select(s => s.Iteration), annotations.Keys.Order());
        Assert.All(samples, s => Assert.Equal((s.Train, s.Test), (annotations[s.Iteration].TrainAccuracy, annotations[s.Iteration].TestAccuracy)));
        // Gradient descent has no epochs: its diagnostics stay blank.
        Assert.All(annotations.Values, a => Assert.True(double.IsNaN(a.GrowthOrder) && double.IsNaN(a.GradientShare)));
    }

    [Fact]
    public void A_problem_that_does_not_know_its_accuracy_is_not_sampled()
    {
        var quadratic = Objective.Create(1, (x, g) => { g[0] = x[0]; return 0.5 * x[0] * x[0]; });
        var observations = new RunObservations(quadratic, 10);
        Minimizer.Minimize(quadratic, [1.0], new GradientDescent(0.5), new MinimizeOptions
        {
            MaxIterations = 10,
            Observer = (in IterationInfo info) => { observations.Observe(in info); return ObserverAction.Continue; },
        });
        Assert.False(observations.MeasuresAccuracy);
        Assert.Empty(observations.Accuracy);
    }

    [Theory]
    [InlineData(1_000_000, new long[] { 0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 150_000, 200_000, 250_000, 300_000 })]
    [InlineData(7, new long[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    public void The_schedule_is_three_per_decade_and_every_twentieth_of_the_budget(long budget, long[] firstDue)
    {
        var due = new List<long>();
        for (long i = 0; due.Count < firstDue.Length; i++)
            if (AccuracySchedule.Due(i, budget)) due.Add(i);
        Assert.Equal(firstDue, due);
    }
}
