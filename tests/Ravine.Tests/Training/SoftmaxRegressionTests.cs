using Ravine.Randomness;

namespace Ravine.Tests.Training;

/// <summary>The fixture the training tests run on is right: its gradient and Hessian-vector product match finite differences.</summary>
public class SoftmaxRegressionTests
{
    private static readonly int[] Batch = [0, 3, 7, 11, 42, 99, 123, 599];

    [Fact]
    public void The_gradient_matches_central_differences()
    {
        var model = new SoftmaxRegression(1);
        var x = new Xoshiro256StarStar(2).NextGaussians(model.Dimension);
        var g = new double[model.Dimension];
        model.Evaluate(x, Batch, g);
        const double h = 1e-6;
        for (int i = 0; i < x.Length; i++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (model.Value(plus, Batch) - model.Value(minus, Batch)) / (2 * h);
            Assert.Equal(fd, g[i], 1e-7);
        }
    }

    [Fact]
    public void The_Hessian_vector_product_matches_differences_of_gradients()
    {
        var model = new SoftmaxRegression(1);
        var x = new Xoshiro256StarStar(3).NextGaussians(model.Dimension);
        var v = new Xoshiro256StarStar(4).NextGaussians(model.Dimension);
        var hv = new double[model.Dimension];
        model.HessianVectorProduct(x, Batch, v, hv);
        const double h = 1e-6;
        var gPlus = new double[model.Dimension];
        var gMinus = new double[model.Dimension];
        model.Evaluate(x.Zip(v, (a, b) => a + h * b).ToArray(), Batch, gPlus);
        model.Evaluate(x.Zip(v, (a, b) => a - h * b).ToArray(), Batch, gMinus);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal((gPlus[i] - gMinus[i]) / (2 * h), hv[i], 1e-6);
    }
}
