namespace Ravine.Objectives;

/// <summary>
/// An objective that knows how many floating-point operations one oracle call (f and ∇f) costs, so that a timing can
/// be stated in GFLOP/s and compared with the machine's peak (a multiply-add counts as two operations).
/// </summary>
public interface IKnowsOracleFlops
{
    /// <summary>Floating-point operations of one call to <see cref="IObjective.Evaluate"/> (the dominant terms).</summary>
    double OracleFlops { get; }
}
