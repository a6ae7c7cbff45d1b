using Ravine.Autodiff;

namespace Ravine.Tests.Autodiff;

public class TapeTests
{
    /// <summary>A 3–4–2 tanh network with a softmax cross-entropy on four examples: 26 parameters.</summary>
    private static TensorObjective SmallNetwork(int threads = 1)
    {
        var data = TapeChecks.Gaussians(7, 12);
        return TensorObjective.Create(26, (tape, x) =>
        {
        var inputs = tape.Constant(data, new(4, 3));
        var hidden = tape.Tanh(tape.AddBias(tape.MatMul(inputs, tape.Slice(x, 0, new(3, 4))), tape.Slice(x, 12, new(4))));
        var logits = tape.AddBias(tape.MatMul(hidden, tape.Slice(x, 16, new(4, 2))), tape.Slice(x, 24, new(2)));
        return tape.SoftmaxCrossEntropy(logits, [0, 1, 1, 0]);
        }, threads);
    }

    [Fact]
    public void The_Hessian_built_from_products_is_symmetric_and_matches_differences_of_the_gradient()
    {
        var objective = SmallNetwork();
        int n = objective.Dimension;
        var x = TapeChecks.Gaussians(8, n);
        var hessian = new double[n, n];
        var column = new double[n];
        var up = new double[n];
        var down = new double[n];
        const double step = 1e-5;
        for (int j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            objective.HessianVectorProduct(x, e, column);
            var probe = (double[])x.Clone();
            probe[j] += step;
            objective.Evaluate(probe, up);
            probe[j] -= 2 * step;
            objective.Evaluate(probe, down);
            for (int i = 0; i < n; i++)
            {
                hessian[i, j] = column[i];
                Assert.True(Math.Abs((up[i] - down[i]) / (2 * step) - column[i]) <= 1e-7, $"H[{i},{j}] = {column[i]}");
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(hessian[i, j] - hessian[j, i]) <= 1e-14 * (1 + Math.Abs(hessian[i, j])), $"H[{i},{j}] ≠ H[{j},{i}]");
    }

    [Fact]
    public void A_repeated_evaluation_allocates_nothing_and_gives_the_same_bits()
    {
        var objective = SmallNetwork();
        var x = TapeChecks.Gaussians(9, objective.Dimension);
        var first = new double[x.Length];
        var again = new double[x.Length];
        double f = objective.Evaluate(x, first);
        objective.HessianVectorProduct(x, first, new double[x.Length]);
        double f2 = 0;
        long allocated = Optimization.AllocationMeasurement.AllocatedBy(() => f2 = objective.Evaluate(x, again));
        Assert.True(allocated == 0, $"{allocated} bytes allocated");
        Assert.Equal(f, f2);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Backward_refuses_a_loss_that_is_not_a_scalar()
    {
        var tape = new Tape();
        var x = tape.Variable([1.0, 2.0]);
        var ex = Assert.Throws<ArgumentException>(() => tape.Backward(tape.Square(x)));
        Assert.Contains("scalar", ex.Message);
    }

    [Fact]
    public void A_tensor_of_another_recording_is_refused()
    {
        var tape = new Tape();
        var other = new Tape();
        var x = other.Variable([1.0, 2.0]);
        Assert.Throws<ArgumentException>(() => tape.Square(x));
    }

    [Fact]
    public void Mismatched_shapes_say_which()
    {
        var tape = new Tape();
        var a = tape.Variable(new double[6], new TensorShape(2, 3));
        var ex = Assert.Throws<ArgumentException>(() => tape.MatMul(a, a));
        Assert.Contains("2×3 by 2×3", ex.Message);
    }

    [Fact]
    public void The_gradient_of_a_least_squares_program_is_the_normal_equations_residual()
    {
        // f(x) = ‖Ax − b‖² has ∇f = 2Aᵀ(Ax − b), exactly.
        double[] a = [1, 2, 3, 4, 5, 6], b = [1, -1, 2], x = [0.5, -0.25];
        var objective = TensorObjective.Create(2, (tape, v) =>
            tape.Sum(tape.Square(tape.Subtract(tape.MatMul(tape.Constant(a, new(3, 2)), tape.Reshape(v, new(2, 1))), tape.Constant(b, new(3, 1))))));
        var gradient = new double[2];
        double f = objective.Evaluate(x, gradient);
        double[] r = [1 * 0.5 - 2 * 0.25 - 1, 3 * 0.5 - 4 * 0.25 + 1, 5 * 0.5 - 6 * 0.25 - 2];
        Assert.Equal(r.Sum(v => v * v), f, 15);
        Assert.Equal(2 * (1 * r[0] + 3 * r[1] + 5 * r[2]), gradient[0], 14);
        Assert.Equal(2 * (2 * r[0] + 4 * r[1] + 6 * r[2]), gradient[1], 14);
    }
}
