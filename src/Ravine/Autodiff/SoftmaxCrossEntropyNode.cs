namespace Ravine.Autodiff;

/// <summary>
/// The mean cross-entropy of the softmax of each row of logits Z (n×c) against a class per row:
/// L = (1/n) Σᵢ (log Σⱼ exp zᵢⱼ − zᵢ,yᵢ), computed stably (shifted by each row's maximum).
/// </summary>
/// <remarks>
/// With P = softmax(Z) by rows: ∇Z += ∇L·(P − onehot(y))/n. Tangents: L̇ = (1/n) Σᵢ (⟨pᵢ, żᵢ⟩ − żᵢ,yᵢ);
/// ṗᵢ = pᵢ ⊙ (żᵢ − ⟨pᵢ, żᵢ⟩), so (∇Z)˙ += (∇L)˙·(P − onehot(y))/n + ∇L·Ṗ/n.
/// </remarks>
internal sealed class SoftmaxCrossEntropyNode : TapeNode
{
    private Tensor _z = null!;
    private int _rows, _classes;
    private int[] _labels = [];
    private double[] _p = [], _pTangent = [];

    public void Define(Tape tape, Tensor logits, ReadOnlySpan<int> labels)
    {
        if (logits.Shape.Rank != 2 || labels.Length != logits.Shape[0])
            throw new ArgumentException($"Softmax cross-entropy takes n×c logits and n labels; got shape {logits.Shape} and {labels.Length} labels.");
        (_z, _rows, _classes) = (logits, logits.Shape[0], logits.Shape[1]);
        if (_labels.Length < _rows) _labels = new int[_rows];
        for (int i = 0; i < _rows; i++)
        {
            if ((uint)labels[i] >= (uint)_classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {i} is {labels[i]}; the classes are 0 to {_classes - 1}.");
            _labels[i] = labels[i];
        }
        Output.Define(new TensorShape(1), logits.RequiresGradient, tape.RecordsTangents);
        Tensor.Ensure(ref _p, logits.Length);
        ReadOnlySpan<double> z = logits.V;
        double total = 0;
        for (int i = 0; i < _rows; i++)
        {
            ReadOnlySpan<double> zi = z.Slice(i * _classes, _classes);
            Span<double> pi = _p.AsSpan(i * _classes, _classes);
            double max = double.NegativeInfinity;
            foreach (double v in zi) max = Math.Max(max, v);
            double sum = 0;
            for (int j = 0; j < _classes; j++)
            {
                pi[j] = Math.Exp(zi[j] - max);
                sum += pi[j];
            }
            for (int j = 0; j < _classes; j++) pi[j] /= sum;
            total += Math.Log(sum) + max - zi[_labels[i]];
        }
        Output.V[0] = total / _rows;
        if (!Output.HasTangent) return;
        Tensor.Ensure(ref _pTangent, logits.Length);
        ReadOnlySpan<double> zt = logits.T;
        double tangent = 0;
        for (int i = 0; i < _rows; i++)
        {
            ReadOnlySpan<double> pi = _p.AsSpan(i * _classes, _classes), ti = zt.Slice(i * _classes, _classes);
            Span<double> pti = _pTangent.AsSpan(i * _classes, _classes);
            double inner = 0;
            for (int j = 0; j < _classes; j++) inner += pi[j] * ti[j];
            for (int j = 0; j < _classes; j++) pti[j] = pi[j] * (ti[j] - inner);
            tangent += inner - ti[_labels[i]];
        }
        Output.T[0] = tangent / _rows;
    }

    public override void Backward(Tape tape)
    {
        double scale = Output.G[0] / _rows;
        Span<double> g = _z.G;
        for (int i = 0; i < _rows; i++)
        {
            int at = i * _classes;
            for (int j = 0; j < _classes; j++) g[at + j] += scale * _p[at + j];
            g[at + _labels[i]] -= scale;
        }
        if (!Output.HasTangent) return;
        double scaleTangent = Output.GT[0] / _rows;
        Span<double> gt = _z.GT;
        for (int i = 0; i < _rows; i++)
        {
            int at = i * _classes;
            for (int j = 0; j < _classes; j++) gt[at + j] += scaleTangent * _p[at + j] + scale * _pTangent[at + j];
            gt[at + _labels[i]] -= scaleTangent;
        }
    }

    /// <summary>The class of the largest logit of each row (the first on ties) — for accuracy.</summary>
    internal static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int j = 1; j < row.Length; j++)
            if (row[j] > row[best]) best = j;
        return best;
    }
}
