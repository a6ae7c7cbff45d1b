using CsCheck;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;

namespace Ravine.Tests.Optimization;

/// <summary>
/// Drives every method with objectives that misbehave at random oracle calls and checks the loop's promises:
/// it ends, it throws nothing but <see cref="ObjectiveException"/> around the objective's own exception, and the
/// result agrees with its trace.
/// </summary>
public class AdversarialObjectiveTests
{
    public enum Misbehaviour { None, NaNValue, InfiniteValue, NaNGradientEntry, Throws, WrongSignGradient, HugeValue, NegativeHugeValue, TinyGradient }

    private sealed class ObjectiveFailure(string message) : Exception(message);

    private sealed record Scenario(int Method, double Stepsize, Misbehaviour Kind, int FromCall, bool Persistent, double[] Start);

    private static IObjective Misbehaving(Scenario s)
    {
        int calls = 0;
        return Objective.Create(s.Start.Length, (x, g) =>
        {
            calls++;
            double f = 0;
            for (int i = 0; i < x.Length; i++)
            {
                // A quartic: f = Σ (i+1) x_i⁴, minimizer 0, f* = 0 — the flat kind of minimum Ravine is for.
                double xi = x[i];
                f += (i + 1) * xi * xi * xi * xi;
                g[i] = 4 * (i + 1) * xi * xi * xi;
            }
            bool active = calls == s.FromCall || (s.Persistent && calls > s.FromCall);
            if (!active) return f;
            switch (s.Kind)
            {
                case Misbehaviour.NaNValue: return double.NaN;
                case Misbehaviour.InfiniteValue: return double.PositiveInfinity;
                case Misbehaviour.NaNGradientEntry: g[x.Length - 1] = double.NaN; return f;
                case Misbehaviour.Throws: throw new ObjectiveFailure($"failure at call {calls}");
                case Misbehaviour.WrongSignGradient: for (int i = 0; i < g.Length; i++) g[i] = -g[i]; return f;
                case Misbehaviour.HugeValue: return 1e300;
                case Misbehaviour.NegativeHugeValue: return -1e300;
                case Misbehaviour.TinyGradient: g.Fill(1e-170); return f;
                default: return f;
            }
        }, optimalValue: 0);
    }

    private static IMethod Create(Scenario s) => Methods.MethodsUnderTest.Create(s.Method, s.Stepsize);

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(Gen.Int[0, Methods.MethodsUnderTest.Count - 1], Gen.Double[1e-4, 2.0], Gen.Enum<Misbehaviour>(), Gen.Int[1, 200], Gen.Bool,
            Gen.Double[-2, 2].Array[1, 5],
            (m, eta, kind, from, persistent, start) => new Scenario(m, eta, kind, from, persistent, start));

    [Fact]
    public void Misbehaving_objectives_never_hang_never_leak_other_exceptions_and_keep_result_and_trace_consistent()
    {
        Scenarios.Sample(s =>
        {
            MinimizeResult result;
            try
            {
                result = Minimizer.Minimize(Misbehaving(s), s.Start, Create(s), new MinimizeOptions { MaxIterations = 300 });
            }
            catch (ObjectiveException e)
            {
                Assert.Equal(Misbehaviour.Throws, s.Kind);
                Assert.IsType<ObjectiveFailure>(e.InnerException);
                Assert.Equal(s.FromCall, e.OracleCall);
                if (e.PartialResult is { } partial) AssertConsistent(partial);
                return;
            }
            AssertConsistent(result);
            if (result.StopReason == StopReason.NonFiniteValue) Assert.False(double.IsFinite(result.Trace.Value[^1]));
        }, iter: 400, seed: "0N0XIzNsQ0O2");
    }

    private static void AssertConsistent(MinimizeResult r)
    {
        Assert.InRange(r.Iterations, 0, 300);
        // A failed call was still made and is counted.
        if (r.Method is not ("GD-Armijo" or "L-BFGS")) // line searches make several calls per iteration
            Assert.InRange(r.OracleCalls, 1, r.Iterations + (r.StopReason == StopReason.ObjectiveFailed ? 2 : 1));
        Assert.Equal(r.Iterations + 1, r.Trace.Count);
        double min = double.PositiveInfinity;
        foreach (double v in r.Trace.Value)
            if (double.IsFinite(v) && v < min) min = v;
        Assert.Equal(min, r.BestValue);
        Assert.All(r.BestX, x => Assert.True(double.IsFinite(x)));
        Assert.False(string.IsNullOrWhiteSpace(r.Message));
    }
}
