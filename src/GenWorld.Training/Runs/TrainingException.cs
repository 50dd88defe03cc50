namespace GenWorld.Training.Runs;

/// <summary>A training run that cannot go on: a corrupt or foreign checkpoint, divergence past the rollback limit, bad options.</summary>
public sealed class TrainingException(string message, Exception? inner = null) : Exception(message, inner);
