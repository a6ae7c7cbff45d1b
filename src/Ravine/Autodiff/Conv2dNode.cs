namespace Ravine.Autodiff;

/// <summary>
/// A 2-D convolution (cross-correlation, stride 1, zero padding) of a batch of images N×H×W×C with a k×k kernel of F
/// filters, stored as a (k·k·C)×F matrix (row (dy·k + dx)·C + c): im2col, then one matrix product.
/// </summary>
/// <remarks>
/// With the columns X̂ (one row of k·k·C patch entries per output pixel): Y = X̂·W; ∇W += X̂ᵀ·∇Y; ∇X̂ = ∇Y·Wᵀ, added
/// back into ∇X by col2im. Tangents: X̂˙ = im2col(Ẋ), Ẏ = X̂˙·W + X̂·Ẇ, (∇W)˙ += X̂˙ᵀ·∇Y + X̂ᵀ·(∇Y)˙ and
/// (∇X̂)˙ = (∇Y)˙·Wᵀ + ∇Y·Ẇᵀ. The columns are kept from the forward pass for the backward one.
/// </remarks>
internal sealed class Conv2dNode : TapeNode
{
    private Tensor _x = null!, _w = null!;
    private int _n, _h, _wd, _c, _k, _pad, _f, _ho, _wo;
    private double[] _cols = [], _colsTangent = [], _colsGradient = [];

    public void Define(Tape tape, Tensor x, Tensor weights, int kernel, int padding)
    {
        if (x.Shape.Rank != 4)
            throw new ArgumentException($"Conv2d takes a batch of images N×H×W×C; got shape {x.Shape}.");
        int c = x.Shape[3];
        if (kernel < 1 || padding < 0 || weights.Shape.Rank != 2 || weights.Shape[0] != kernel * kernel * c)
            throw new ArgumentException($"A {kernel}×{kernel} convolution of {c} channels takes weights of shape {kernel * kernel * c}×filters; got {weights.Shape}.");
        (_x, _w, _n, _h, _wd, _c, _k, _pad, _f) = (x, weights, x.Shape[0], x.Shape[1], x.Shape[2], c, kernel, padding, weights.Shape[1]);
        (_ho, _wo) = (_h + 2 * padding - kernel + 1, _wd + 2 * padding - kernel + 1);
        if (_ho < 1 || _wo < 1)
            throw new ArgumentException($"A {kernel}×{kernel} kernel with padding {padding} does not fit images of {_h}×{_wd}.");
        Output.Define(new TensorShape(_n, _ho, _wo, _f), x.RequiresGradient || weights.RequiresGradient, tape.RecordsTangents);
        int rows = _n * _ho * _wo, depth = kernel * kernel * c;
        Tensor.Ensure(ref _cols, rows * depth);
        Columns(x.V, _cols);
        tape.Multiply(_cols, false, weights.V, false, Output.V, rows, depth, _f, false);
        if (!Output.HasTangent) return;
        Output.T.Clear();
        if (x.HasTangent)
        {
            Tensor.Ensure(ref _colsTangent, rows * depth);
            Columns(x.T, _colsTangent);
            tape.Multiply(_colsTangent, false, weights.V, false, Output.T, rows, depth, _f, true);
        }
        if (weights.HasTangent) tape.Multiply(_cols, false, weights.T, false, Output.T, rows, depth, _f, true);
    }

    public override void Backward(Tape tape)
    {
        int rows = _n * _ho * _wo, depth = _k * _k * _c;
        Tensor x = _x, w = _w, y = Output;
        if (w.RequiresGradient)
        {
            tape.Multiply(_cols, true, y.G, false, w.G, depth, rows, _f, true);
            if (w.HasTangent)
            {
                tape.Multiply(_cols, true, y.GT, false, w.GT, depth, rows, _f, true);
                if (x.HasTangent) tape.Multiply(_colsTangent, true, y.G, false, w.GT, depth, rows, _f, true);
            }
        }
        if (!x.RequiresGradient) return;
        Tensor.Ensure(ref _colsGradient, rows * depth);
        tape.Multiply(y.G, false, w.V, true, _colsGradient, rows, _f, depth, false);
        AddColumns(_colsGradient, x.G);
        if (!x.HasTangent) return;
        tape.Multiply(y.GT, false, w.V, true, _colsGradient, rows, _f, depth, false);
        if (w.HasTangent) tape.Multiply(y.G, false, w.T, true, _colsGradient, rows, _f, depth, true);
        AddColumns(_colsGradient, x.GT);
    }

    /// <summary>im2col: the patch of every output pixel as one row, zeros where it reaches past the border.</summary>
    private void Columns(ReadOnlySpan<double> x, Span<double> cols)
    {
        int c = _c, k = _k, depth = k * k * c;
        for (int n = 0, row = 0; n < _n; n++)
            for (int i = 0; i < _ho; i++)
                for (int j = 0; j < _wo; j++, row++)
                {
                    Span<double> patch = cols.Slice(row * depth, depth);
                    for (int dy = 0; dy < k; dy++)
                    {
                        int yy = i + dy - _pad;
                        for (int dx = 0; dx < k; dx++)
                        {
                            int xx = j + dx - _pad;
                            Span<double> target = patch.Slice((dy * k + dx) * c, c);
                            if (yy < 0 || yy >= _h || xx < 0 || xx >= _wd) target.Clear();
                            else x.Slice(((n * _h + yy) * _wd + xx) * c, c).CopyTo(target);
                        }
                    }
                }
    }

    /// <summary>col2im: adds every patch entry back to the pixel it came from, in row order.</summary>
    private void AddColumns(ReadOnlySpan<double> cols, Span<double> x)
    {
        int c = _c, k = _k, depth = k * k * c;
        for (int n = 0, row = 0; n < _n; n++)
            for (int i = 0; i < _ho; i++)
                for (int j = 0; j < _wo; j++, row++)
                {
                    ReadOnlySpan<double> patch = cols.Slice(row * depth, depth);
                    for (int dy = 0; dy < k; dy++)
                    {
                        int yy = i + dy - _pad;
                        if (yy < 0 || yy >= _h) continue;
                        for (int dx = 0; dx < k; dx++)
                        {
                            int xx = j + dx - _pad;
                            if (xx < 0 || xx >= _wd) continue;
                            SliceNode.Accumulate(x.Slice(((n * _h + yy) * _wd + xx) * c, c), patch.Slice((dy * k + dx) * c, c));
                        }
                    }
                }
    }
}
