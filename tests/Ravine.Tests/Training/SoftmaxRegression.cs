using Ravine.Randomness;
using Ravine.Training;

namespace Ravine.Tests.Training;

/// <summary>
/// A test fixture: multinomial logistic regression (weights W ∈ ℝ^{C×d} and biases b ∈ ℝ^C, loss −log softmax(Wx + b)_y)
/// on seeded Gaussian clusters, with a hand-written gradient and Hessian-vector product (checked against finite
/// differences in <see cref="SoftmaxRegressionTests"/>). Small enough that a whole training run takes milliseconds.
/// </summary>
internal sealed class SoftmaxRegression : IMiniBatchObjective
{
    private readonly double[][] _features;
    private readonly int[] _labels;
    private readonly int _classes, _inputs, _training, _validation;

    public SoftmaxRegression(ulong seed, int training = 600, int validation = 200, int test = 200, int classes = 3, int inputs = 5, double spread = 1.3)
    {
        var random = new Xoshiro256StarStar(seed);
        var means = Enumerable.Range(0, classes).Select(_ => random.NextGaussians(inputs)).ToArray();
        int total = training + validation + test;
        _features = new double[total][];
        _labels = new int[total];
        for (int i = 0; i < total; i++)
        {
            _labels[i] = (int)(random.NextUInt64() % (ulong)classes);
            _features[i] = random.NextGaussians(inputs);
            for (int k = 0; k < inputs; k++) _features[i][k] = means[_labels[i]][k] * 2 + spread * _features[i][k];
        }
        (_classes, _inputs, _training, _validation) = (classes, inputs, training, validation);
    }

    public int Dimension => _classes * (_inputs + 1);
    public int ExampleCount => _training;
    public bool IsClassifier => true;

    public void InitialPoint(ulong seed, Span<double> x)
    {
        var random = new Xoshiro256StarStar(seed);
        for (int i = 0; i < x.Length; i++) x[i] = 0.01 * random.NextGaussian();
    }

    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, Span<double> gradient)
    {
        gradient.Clear();
        Span<double> p = stackalloc double[_classes];
        double loss = 0;
        foreach (int e in examples)
        {
            loss += Probabilities(x, e, p);
            p[_labels[e]] -= 1;
            AddOuter(p, e, gradient, 1.0 / examples.Length);
        }
        return loss / examples.Length;
    }

    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<int> examples)
    {
        Span<double> p = stackalloc double[_classes];
        double loss = 0;
        foreach (int e in examples) loss += Probabilities(x, e, p);
        return loss / examples.Length;
    }

    public void HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, ReadOnlySpan<double> direction, Span<double> product)
    {
        product.Clear();
        Span<double> p = stackalloc double[_classes], u = stackalloc double[_classes];
        foreach (int e in examples)
        {
            Probabilities(x, e, p);
            Logits(direction, e, u);
            double pu = 0;
            for (int c = 0; c < _classes; c++) pu += p[c] * u[c];
            // (diag p − p pᵀ) u, the softmax's Jacobian applied to the direction's change of the logits.
            for (int c = 0; c < _classes; c++) u[c] = p[c] * (u[c] - pu);
            AddOuter(u, e, product, 1.0 / examples.Length);
        }
    }

    public HeldOutScore Score(ReadOnlySpan<double> x, EvaluationSet set)
    {
        var (start, count) = set switch
        {
            EvaluationSet.Training => (0, _training),
            EvaluationSet.Validation => (_training, _validation),
            _ => (_training + _validation, _labels.Length - _training - _validation),
        };
        Span<double> p = stackalloc double[_classes];
        double loss = 0;
        int right = 0;
        for (int e = start; e < start + count; e++)
        {
            loss += Probabilities(x, e, p);
            int best = 0;
            for (int c = 1; c < _classes; c++) if (p[c] > p[best]) best = c;
            if (best == _labels[e]) right++;
        }
        return new HeldOutScore(loss / count, (double)right / count, count);
    }

    // Writes softmax(Wx + b) into p; returns −log p_y.
    private double Probabilities(ReadOnlySpan<double> x, int example, Span<double> p)
    {
        Logits(x, example, p);
        double max = double.NegativeInfinity;
        foreach (double z in p) max = Math.Max(max, z);
        double sum = 0;
        for (int c = 0; c < _classes; c++) sum += p[c] = Math.Exp(p[c] - max);
        double logLikelihood = Math.Log(p[_labels[example]] / sum);
        for (int c = 0; c < _classes; c++) p[c] /= sum;
        return -logLikelihood;
    }

    private void Logits(ReadOnlySpan<double> x, int example, Span<double> z)
    {
        var f = _features[example];
        for (int c = 0; c < _classes; c++)
        {
            int row = c * (_inputs + 1);
            double s = x[row + _inputs];
            for (int k = 0; k < _inputs; k++) s += x[row + k] * f[k];
            z[c] = s;
        }
    }

    private void AddOuter(ReadOnlySpan<double> perClass, int example, Span<double> target, double weight)
    {
        var f = _features[example];
        for (int c = 0; c < _classes; c++)
        {
            int row = c * (_inputs + 1);
            double w = weight * perClass[c];
            for (int k = 0; k < _inputs; k++) target[row + k] += w * f[k];
            target[row + _inputs] += w;
        }
    }
}
