namespace Ravine.Problems;

/// <summary>
/// The arithmetic of a fully connected network with one tanh hidden layer, x ↦ W₂ᵀtanh(W₁ᵀx + b₁) + b₂ (d inputs,
/// h hidden units, c outputs), on a batch of n examples: the squared loss f = (1/2n) Σᵢ ‖outᵢ − yᵢ‖² with its
/// hand-derived gradient, and predictions.
/// </summary>
/// <remarks>
/// <para>
/// The parameter vector is [W₁ (d×h), b₁ (h), W₂ (h×c), b₂ (c)], each matrix row-major with the input index first,
/// so that the forward pass Z = X·W₁ and the big gradient block ∇W₁ = Xᵀ·Δ are both the plain product of
/// <see cref="RowMajorGemm"/> (X is n×d; Xᵀ is kept alongside it, since the data never change).
/// </para>
/// <para>
/// Backward pass, with A = tanh(Z + b₁), R = A·W₂ + b₂ − Y and G = R/n: ∇W₂ = AᵀG, ∇b₂ = Σᵢ Gᵢ,
/// Δ = (G·W₂ᵀ) ⊙ (1 − A²), ∇W₁ = XᵀΔ, ∇b₁ = Σᵢ Δᵢ. The two products with X carry 2·n·d·h of the about
/// 2·n·h·(d + 2c) multiply-adds; the rest is plain loops. Every sum runs in a fixed order, so the same point gives
/// bit-identical results.
/// </para>
/// <para>
/// The n×h and n×c intermediates live in buffers of the instance, so a call allocates nothing, and an instance must
/// not be evaluated from two threads at once (the CLI gives each run its own problem instance).
/// </para>
/// </remarks>
internal sealed class TanhNetwork
{
    private readonly int _n, _d, _h, _c;
    private readonly double[] _inputs, _inputsTransposed, _targets;
    private readonly double[] _hidden, _delta, _outputs;

    /// <param name="inputs">The n×d inputs, row-major (kept, not copied).</param>
    /// <param name="targets">The n×c targets, row-major (kept, not copied).</param>
    /// <param name="n">The number of examples.</param>
    /// <param name="d">The number of inputs.</param>
    /// <param name="h">The hidden width.</param>
    /// <param name="c">The number of outputs.</param>
    public TanhNetwork(double[] inputs, double[] targets, int n, int d, int h, int c)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(d, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(h, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(c, 1);
        if (inputs.Length != (long)n * d) throw new ArgumentException($"{inputs.Length} inputs for {n} examples of {d}.", nameof(inputs));
        if (targets.Length != (long)n * c) throw new ArgumentException($"{targets.Length} targets for {n} examples of {c} outputs.", nameof(targets));
        (_n, _d, _h, _c) = (n, d, h, c);
        _inputs = inputs;
        _targets = targets;
        _inputsTransposed = new double[inputs.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                _inputsTransposed[(long)j * n + i] = inputs[(long)i * d + j];
        _hidden = new double[n * h];
        _delta = new double[n * h];
        _outputs = new double[n * c];
    }

    /// <summary>The number of parameters, h(d + 1) + c(h + 1).</summary>
    public static int ParameterCount(int d, int h, int c) => h * (d + 1) + c * (h + 1);

    /// <summary>The number of parameters of this network.</summary>
    public int Dimension => ParameterCount(_d, _h, _c);

    /// <summary>f(x), and ∇f(x) written into <paramref name="gradient"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = _n, d = _d, h = _h, c = _c;
        int w2At = d * h + h, b2At = w2At + h * c;
        ReadOnlySpan<double> w2 = x.Slice(w2At, h * c);
        Span<double> gW1 = gradient[..(d * h)], gB1 = gradient.Slice(d * h, h), gW2 = gradient.Slice(w2At, h * c), gB2 = gradient.Slice(b2At, c);

        Span<double> a = _hidden;
        Forward(_inputs, n, x, a, _outputs);

        // R = out − Y, the loss, and G = R/n in place.
        Span<double> g = _outputs;
        double squares = 0;
        for (int k = 0; k < g.Length; k++)
        {
            double r = g[k] - _targets[k];
            squares = Math.FusedMultiplyAdd(r, r, squares);
            g[k] = r / n;
        }

        gB2.Clear();
        gW2.Clear();
        gB1.Clear();
        Span<double> delta = _delta;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> gi = g.Slice(i * c, c), ai = a.Slice(i * h, h);
            for (int o = 0; o < c; o++) gB2[o] += gi[o];
            Span<double> di = delta.Slice(i * h, h);
            for (int j = 0; j < h; j++)
            {
                // ∇W₂ += aᵢ gᵢᵀ and (G·W₂ᵀ)ᵢⱼ in one pass over W₂'s row j.
                ReadOnlySpan<double> w2j = w2.Slice(j * c, c);
                Span<double> gw2j = gW2.Slice(j * c, c);
                double back = 0;
                for (int o = 0; o < c; o++)
                {
                    gw2j[o] = Math.FusedMultiplyAdd(ai[j], gi[o], gw2j[o]);
                    back = Math.FusedMultiplyAdd(gi[o], w2j[o], back);
                }
                di[j] = back * (1 - ai[j] * ai[j]);
                gB1[j] += di[j];
            }
        }
        RowMajorGemm.Multiply(_inputsTransposed, delta, gW1, d, n, h);
        return squares / (2 * n);
    }

    /// <summary>The predicted class (the largest output; the first on ties) of each of <paramref name="count"/> input rows.</summary>
    public void Predict(ReadOnlySpan<double> x, ReadOnlySpan<double> inputs, int count, Span<int> predictions)
    {
        var hidden = new double[count * _h];
        var outputs = new double[count * _c];
        Forward(inputs, count, x, hidden, outputs);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<double> oi = outputs.AsSpan(i * _c, _c);
            int best = 0;
            for (int o = 1; o < _c; o++)
                if (oi[o] > oi[best]) best = o;
            predictions[i] = best;
        }
    }

    /// <summary>A = tanh(X·W₁ + b₁) into <paramref name="hidden"/> and A·W₂ + b₂ into <paramref name="outputs"/>.</summary>
    private void Forward(ReadOnlySpan<double> inputs, int count, ReadOnlySpan<double> x, Span<double> hidden, Span<double> outputs)
    {
        int d = _d, h = _h, c = _c, w2At = d * h + h;
        ReadOnlySpan<double> w1 = x[..(d * h)], b1 = x.Slice(d * h, h), w2 = x.Slice(w2At, h * c), b2 = x.Slice(w2At + h * c, c);
        RowMajorGemm.Multiply(inputs, w1, hidden, count, _d, h);
        for (int i = 0; i < count; i++)
        {
            Span<double> zi = hidden.Slice(i * h, h);
            for (int j = 0; j < h; j++) zi[j] = Math.Tanh(zi[j] + b1[j]);
        }
        RowMajorGemm.Multiply(hidden, w2, outputs, count, h, c);
        for (int i = 0; i < count; i++)
        {
            Span<double> oi = outputs.Slice(i * c, c);
            for (int o = 0; o < c; o++) oi[o] += b2[o];
        }
    }
}
