namespace Ravine.Cli.Experiments;

/// <summary>The training and test accuracy measured at one iteration of a run on a classification problem.</summary>
/// <param name="Iteration">The iteration (trace row) measured at.</param>
/// <param name="OracleCalls">The oracle calls made by then.</param>
/// <param name="Train">The fraction of training examples classified correctly.</param>
/// <param name="Test">The fraction of test examples classified correctly.</param>
public sealed record AccuracySample(int Iteration, long OracleCalls, double Train, double Test);
