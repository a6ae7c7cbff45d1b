namespace Ravine.Problems;

/// <summary>
/// A problem whose variable is a factor X ∈ R^{d×k}, held in the vector row by row: what its instance files and
/// solution files store as a (d, k) array.
/// </summary>
public interface IFactoredProblem
{
    /// <summary>d, the rows of X.</summary>
    int AmbientDimension { get; }

    /// <summary>k, the columns of X.</summary>
    int Width { get; }
}
