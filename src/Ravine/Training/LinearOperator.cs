namespace Ravine.Training;

/// <summary>A symmetric linear map v ↦ Av, such as a Hessian-vector product.</summary>
public delegate void LinearOperator(ReadOnlySpan<double> vector, Span<double> product);
