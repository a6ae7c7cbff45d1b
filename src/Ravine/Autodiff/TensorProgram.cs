namespace Ravine.Autodiff;

/// <summary>A loss written with a tape's operations: given the tape and the variable vector x, it records the program
/// and returns the scalar loss.</summary>
/// <param name="tape">The tape to record on.</param>
/// <param name="x">The variables, a vector of the objective's dimension.</param>
/// <returns>The loss, a tensor of one entry recorded on <paramref name="tape"/>.</returns>
public delegate Tensor TensorProgram(Tape tape, Tensor x);
