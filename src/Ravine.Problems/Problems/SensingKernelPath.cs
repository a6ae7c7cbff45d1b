namespace Ravine.Problems;

/// <summary>Which arithmetic the quadratic-sensing oracle uses (see <see cref="QuadraticSensingKernel.Resolve"/>).</summary>
public enum SensingKernelPath
{
    /// <summary>The widest vector path the processor has that serves the width k.</summary>
    Auto,

    /// <summary>One measurement at a time with scalar FMAs (any k).</summary>
    Scalar,

    /// <summary>Four columns per <c>Vector256</c> (k a multiple of 4).</summary>
    Vector256,

    /// <summary>Eight columns per <c>Vector512</c> (k a multiple of 8); bit-identical to <see cref="Vector256"/>.</summary>
    Vector512,
}
