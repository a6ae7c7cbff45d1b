namespace Ravine.Autodiff;

/// <summary>Max or average pooling of a batch of images N×H×W×C over s×s windows with stride s (H and W multiples of s).</summary>
/// <remarks>Max pooling routes gradients and tangents through the entry that won the forward pass (the first in the
/// window, row by row, on ties); average pooling is linear, each entry weighing 1/s².</remarks>
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
        Pass(x.V, Output.V, forward: true, chooseWinners: max);
        if (Output.HasTangent) Pass(x.T, Output.T, forward: true, chooseWinners: false);
    }

    public override void Backward(Tape tape)
    {
        Pass(_x.G, Output.G, forward: false, chooseWinners: false);
        if (Output.HasTangent) Pass(_x.GT, Output.GT, forward: false, chooseWinners: false);
    }

    /// <summary>
    /// Forward: each output entry from its window (the value pass of a max pool picks the winners, the tangent pass
    /// reads through them). Backward: each output entry's gradient added back into its window.
    /// </summary>
    private void Pass(Span<double> input, Span<double> output, bool forward, bool chooseWinners)
    {
        int n = _x.Shape[0], h = _x.Shape[1], w = _x.Shape[2], c = _x.Shape[3], s = _size;
        int ho = h / s, wo = w / s, rowStride = w * c;
        double weight = 1.0 / (s * s);
        int o = 0;
        for (int b = 0; b < n; b++)
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++)
                {
                    int corner = ((b * h + i * s) * w + j * s) * c;
                    for (int ch = 0; ch < c; ch++, o++)
                    {
                        int first = corner + ch;
                        if (chooseWinners)
                        {
                            int best = first;
                            for (int dy = 0; dy < s; dy++)
                                for (int dx = 0; dx < s; dx++)
                                {
                                    int at = first + dy * rowStride + dx * c;
                                    if (input[at] > input[best]) best = at;
                                }
                            _winner[o] = best;
                            output[o] = input[best];
                            continue;
                        }
                        if (_max)
                        {
                            if (!forward) input[_winner[o]] += output[o];
                            else output[o] = input[_winner[o]];
                            continue;
                        }
                        if (forward)
                        {
                            double sum = 0;
                            for (int dy = 0; dy < s; dy++)
                                for (int dx = 0; dx < s; dx++) sum += input[first + dy * rowStride + dx * c];
                            output[o] = sum * weight;
                        }
                        else
                        {
                            double share = output[o] * weight;
                            for (int dy = 0; dy < s; dy++)
                                for (int dx = 0; dx < s; dx++) input[first + dy * rowStride + dx * c] += share;
                        }
                    }
                }
    }
}
