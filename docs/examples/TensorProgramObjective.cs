using Ravine.Autodiff;
using Ravine.Methods;
using Ravine.Objectives;
using Ravine.Optimization;
using Ravine.Randomness;

namespace Ravine.Examples;

public static class TensorProgramExample
{
    /// <summary>
    /// A student network with 4 tanh units fitted to a teacher with 2 on 20 examples, the loss written with the tape's
    /// operations: the gradient and Hessian-vector products come from the tape, exact. Over-parameterized (the
    /// student can copy the teacher in many ways), so f* = 0 and the minimum is flat.
    /// </summary>
    public static (MinimizeResult Result, double InitialLoss) Run(TextWriter output)
    {
        const int examples = 20, inputs = 3, units = 4;
        var random = new Xoshiro256StarStar(7);
        double[] data = random.NextGaussians(examples * inputs);
        double[] teacher = random.NextGaussians(inputs * 2);
        var targets = new double[examples];
        for (int i = 0; i < examples; i++)
            for (int j = 0; j < 2; j++)
                targets[i] += Math.Tanh(data[i * inputs] * teacher[j] + data[i * inputs + 1] * teacher[2 + j] + data[i * inputs + 2] * teacher[4 + j]);

        // 1. The loss as a tensor program of x = [W (3×4), v (4)]: mean of (vᵀ tanh(Wᵀ dataᵢ) − yᵢ)².
        var objective = TensorObjective.Create(inputs * units + units, (tape, x) =>
        {
            var w = tape.Slice(x, 0, new TensorShape(inputs, units));
            var v = tape.Slice(x, inputs * units, new TensorShape(units, 1));
            var hidden = tape.Tanh(tape.MatMul(tape.Constant(data, new TensorShape(examples, inputs)), w));
            return tape.MeanSquaredError(tape.MatMul(hidden, v), tape.Constant(targets, new TensorShape(examples, 1)));
        });

        // 2. Any method runs on it; the gradient check confirms what the tape computes.
        double[] x0 = random.NextGaussians(objective.Dimension);
        output.WriteLine(GradientChecker.Check(objective, x0));
        double initialLoss = objective.Evaluate(x0, new double[x0.Length]);
        var result = Minimizer.Minimize(objective, x0, new LBfgs(), new MinimizeOptions { MaxIterations = 2000 });
        output.WriteLine(result);

        // 3. Exact curvature: ∇²f(x)·v, here along the gradient at the start.
        var gradient = new double[x0.Length];
        objective.Evaluate(x0, gradient);
        var curvature = new double[x0.Length];
        objective.HessianVectorProduct(x0, gradient, curvature);
        double gHg = 0, gg = 0;
        for (int i = 0; i < gradient.Length; i++) (gHg, gg) = (gHg + gradient[i] * curvature[i], gg + gradient[i] * gradient[i]);
        output.WriteLine($"curvature along the gradient at the start: gᵀHg/gᵀg = {gHg / gg:G4}");
        return (result, initialLoss);
    }
}
