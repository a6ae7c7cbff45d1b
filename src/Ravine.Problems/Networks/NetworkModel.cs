using Ravine.Autodiff;
using Ravine.Training;

namespace Ravine.Networks;

/// <summary>
/// A network on Fashion-MNIST as a mini-batch objective: its forward pass is a tensor program, so the gradient and
/// the Hessian-vector products come exactly from the tape. A classifier's loss is the mean softmax cross-entropy; an
/// autoencoder's the mean squared error of its reconstruction of the pixels.
/// </summary>
/// <remarks>
/// One tape serves every call, so after the first batch of a size a step allocates nothing on one thread. The results
/// do not depend on <see cref="Threads"/>: 1 and 2 threads give the same bits. An instance is used from one thread at a
/// time (its matrix products use <see cref="Threads"/> workers).
/// </remarks>
public abstract class NetworkModel : IMiniBatchObjective
{
    /// <summary>The examples scored per forward pass in <see cref="Score"/>.</summary>
    private const int ScoreChunk = 250;

    private readonly Tape _tape;
    private int[] _labels = [];
    private int[] _scoreIndices = [];

    /// <summary>A model on <paramref name="data"/> whose products use up to <paramref name="threads"/> threads.</summary>
    protected NetworkModel(FashionMnistSplit data, int threads)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _tape = new Tape(threads);
    }

    /// <summary>The data.</summary>
    public FashionMnistSplit Data { get; }

    /// <summary>The most threads a matrix product uses.</summary>
    public int Threads => _tape.Threads;

    /// <summary>The model's name in <see cref="NetworkModels"/>.</summary>
    public abstract string Name { get; }

    /// <summary>The layers, as text (e.g. 784–256–128–10, ReLU).</summary>
    public abstract string Architecture { get; }

    /// <summary>The parameter layout.</summary>
    private protected abstract ParameterLayout Layout { get; }

    /// <inheritdoc/>
    public int Dimension => Layout.Dimension;

    /// <inheritdoc/>
    public int ExampleCount => Data.TrainingExamples;

    /// <inheritdoc/>
    public abstract bool IsClassifier { get; }

    /// <summary>The floating-point operations of the matrix products and convolutions of the last call (forward, and
    /// backward when there was one); elementwise work is not counted.</summary>
    public long LastFlops => _tape.Flops;

    /// <inheritdoc/>
    public void InitialPoint(ulong seed, Span<double> x) => Layout.Initialize(seed, x);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, Span<double> gradient)
    {
        CheckGradient(gradient, nameof(gradient));
        var (parameters, loss, _) = Record(x, default, EvaluationSet.Training, examples, tangents: false);
        _tape.Backward(loss);
        parameters.Gradient.CopyTo(gradient);
        return loss.Scalar;
    }

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> x, ReadOnlySpan<int> examples) =>
        Record(x, default, EvaluationSet.Training, examples, tangents: false).Loss.Scalar;

    /// <inheritdoc/>
    /// <remarks>Exact (forward-over-reverse: the tape carries tangents through the forward and the backward pass).</remarks>
    public void HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<int> examples, ReadOnlySpan<double> direction, Span<double> product)
    {
        CheckGradient(direction, nameof(direction));
        CheckGradient(product, nameof(product));
        var (parameters, loss, _) = Record(x, direction, EvaluationSet.Training, examples, tangents: true);
        _tape.Backward(loss);
        parameters.GradientTangent.CopyTo(product);
    }

    /// <inheritdoc/>
    /// <remarks>In chunks of 250 examples, the chunks' losses summed in order, so the score is the same on every run.</remarks>
    public HeldOutScore Score(ReadOnlySpan<double> x, EvaluationSet set)
    {
        int count = Data.Count(set);
        if (count == 0) return new HeldOutScore(double.NaN, double.NaN, 0);
        if (_scoreIndices.Length < ScoreChunk) _scoreIndices = new int[ScoreChunk];
        double total = 0;
        int right = 0;
        for (int first = 0; first < count; first += ScoreChunk)
        {
            int size = Math.Min(ScoreChunk, count - first);
            Span<int> chunk = _scoreIndices.AsSpan(0, size);
            for (int i = 0; i < size; i++) chunk[i] = first + i;
            var (_, loss, output) = Record(x, default, set, chunk, tangents: false);
            total += loss.Scalar * size;
            if (!IsClassifier) continue;
            int classes = output.Shape.Last;
            for (int i = 0; i < size; i++)
            {
                ReadOnlySpan<double> row = output.Value.Slice(i * classes, classes);
                int best = 0;
                for (int j = 1; j < classes; j++)
                    if (row[j] > row[best]) best = j;
                if (best == _labels[i]) right++;
            }
        }
        return new HeldOutScore(total / count, IsClassifier ? (double)right / count : double.NaN, count);
    }

    /// <summary>The network's output on a batch of images (n×784, pixels in [0, 1]): logits n×10 for a classifier, the
    /// reconstructed pixels n×784 for an autoencoder.</summary>
    private protected abstract Tensor Forward(Tape tape, Tensor parameters, Tensor images);

    private (Tensor Parameters, Tensor Loss, Tensor Output) Record(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, EvaluationSet set,
        ReadOnlySpan<int> examples, bool tangents)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"A parameter vector of {x.Length} entries for a model of {Dimension} parameters.", nameof(x));
        if (examples.IsEmpty)
            throw new ArgumentException("A batch names at least one example.", nameof(examples));
        int n = examples.Length, available = Data.Count(set);
        if (_labels.Length < n) _labels = new int[n];
        _tape.Reset(tangents);
        var parameters = _tape.Variable(x, direction);
        var images = _tape.Constant(new TensorShape(n, FashionMnistSplit.Pixels), out Span<double> pixels);
        for (int i = 0; i < n; i++)
        {
            int example = examples[i];
            if ((uint)example >= (uint)available)
                throw new ArgumentOutOfRangeException(nameof(examples), example, $"Example {example} of a set of {available}.");
            _labels[i] = Data.Example(set, example, pixels.Slice(i * FashionMnistSplit.Pixels, FashionMnistSplit.Pixels));
        }
        var output = Forward(_tape, parameters, images);
        var loss = IsClassifier ? _tape.SoftmaxCrossEntropy(output, _labels.AsSpan(0, n)) : _tape.MeanSquaredError(output, images);
        return (parameters, loss, output);
    }

    private void CheckGradient(ReadOnlySpan<double> span, string name)
    {
        if (span.Length != Dimension)
            throw new ArgumentException($"{span.Length} entries for a model of {Dimension} parameters.", name);
    }

    /// <summary>A dense layer X·W + b.</summary>
    private protected static Tensor Dense(Tape tape, Tensor input, Tensor weights, Tensor bias) =>
        tape.AddBias(tape.MatMul(input, weights), bias);
}
