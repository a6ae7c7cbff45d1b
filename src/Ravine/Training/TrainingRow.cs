namespace Ravine.Training;

/// <summary>One epoch of a training run: where it ended and what it cost. Epoch 0 is the initial point.</summary>
/// <param name="Epoch">The epoch, 0 for the initial point.</param>
/// <param name="Steps">Mini-batch steps taken so far.</param>
/// <param name="Seconds">Wall-clock seconds of training so far (scoring included).</param>
/// <param name="BatchLoss">The mean of the epoch's mini-batch losses, each at the point it was drawn at; NaN at epoch 0.</param>
/// <param name="Training">The score on the whole training set at the epoch's end.</param>
/// <param name="Validation">The score on the validation split.</param>
/// <param name="Test">The score on the test set.</param>
/// <param name="LongSteps">Long steps kept in the epoch.</param>
/// <param name="RolledBack">Long steps undone in the epoch.</param>
/// <param name="Stepsize">The last mini-batch step's stepsize.</param>
/// <param name="LongStepsize">The median long stepsize t in the epoch, or NaN.</param>
/// <param name="Curvature">The median curvature vᵀ∇²f v/‖v‖² along the epoch's long steps, or NaN.</param>
public sealed record TrainingRow(int Epoch, long Steps, double Seconds, double BatchLoss, HeldOutScore Training, HeldOutScore Validation, HeldOutScore Test,
    int LongSteps, int RolledBack, double Stepsize, double LongStepsize, double Curvature);
