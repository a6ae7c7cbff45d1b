namespace Ravine.Autodiff;

/// <summary>Max or average pooling of a batch of images N×H×W×C over s×s windows with stride s (H and W multiples of s).</summary>
/// <remarks>Max pooling routes gradients and tangents through the entry that won the forward pass (the first in the
/// window on ties); average pooling is linear, each entry weighing 1/s².</remarks>
internal sealed class PoolNode : TapeNode
{
    private Tensor _x = null!;
    private bool _max;
    private int _size;
    private int[] _winner = [];

    public void Define(Tape tape, Tensor x, int size, bool max)
    {
        if (x.Shape.Rank != 4 || size < 1 || x.Shape[1] % size != 0 || x.Shape[2] % size != 0)
            throw new ArgumentException($"Pooling over {size}×{size} windows takes images N×H×W×C with H and W multiples of {size}; got shape {x.Shape}.");
        (_x, _size, _max) = (x, size, max);
        Output.Define(new TensorShape(x.Shape[0], x.Shape[1] / size, x.Shape[2] / size, x.Shape[3]), x.RequiresGradient, tape.RecordsTangents);
        if (_winner.Length < Output.Length) _winner = new int[Output.Length];
        ReadOnlySpan<double> xs = x.V;
        Span<double> y = Output.V;
        double weight = 1.0 / (size * size);
        for (int o = 0; o < y.Length; o++)
        {
            if (max)
            {
                int best = -1;
                foreach (int source in Window(o))
                    if (best < 0 || xs[source] > xs[best]) best = source;
                _winner[o] = best;
                y[o] = xs[best];
            }
            else
            {
                double s = 0;
                foreach (int source in Window(o)) s += xs[source];
                y[o] = s * weight;
            }
        }
        if (!Output.HasTangent) return;
        Span<double> t = Output.T;
        ReadOnlySpan<double> xt = x.T;
        for (int o = 0; o < t.Length; o++)
        {
            if (max) t[o] = xt[_winner[o]];
            else
            {
                double s = 0;
                foreach (int source in Window(o)) s += xt[source];
                t[o] = s * weight;
            }
        }
    }

    public override void Backward(Tape tape)
    {
        Spread(Output.G, _x.G);
        if (Output.HasTangent) Spread(Output.GT, _x.GT);
    }

    private void Spread(ReadOnlySpan<double> fromOutput, Span<double> toInput)
    {
        double weight = 1.0 / (_size * _size);
        for (int o = 0; o < fromOutput.Length; o++)
        {
            if (_max) toInput[_winner[o]] += fromOutput[o];
            else
                foreach (int source in Window(o)) toInput[source] += fromOutput[o] * weight;
        }
    }

    private WindowEnumerator Window(int output) => new(_x.Shape, Output.Shape, _size, output);

    /// <summary>The input indices of one output entry's window, row by row.</summary>
    private struct WindowEnumerator
    {
        private readonly int _first, _rowStride, _columnStride, _size;
        private int _step;

        public WindowEnumerator(TensorShape input, TensorShape output, int size, int index)
        {
            int c = output[3], wo = output[2], ho = output[1];
            int channel = index % c, j = index / c % wo, i = index / c / wo % ho, n = index / c / wo / ho;
            _columnStride = c;
            _rowStride = input[2] * c;
            _first = ((n * input[1] + i * size) * input[2] + j * size) * c + channel;
            _size = size;
            _step = -1;
        }

        public readonly int Current => _first + _step / _size * _rowStride + _step % _size * _columnStride;

        public bool MoveNext() => ++_step < _size * _size;

        public readonly WindowEnumerator GetEnumerator() => this;
    }
}
