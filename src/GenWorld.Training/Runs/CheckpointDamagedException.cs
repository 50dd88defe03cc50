namespace GenWorld.Training.Runs;

/// <summary>A checkpoint whose files are missing, unreadable or fail their SHA-256: damaged, as opposed to foreign or of another kind.</summary>
public sealed class CheckpointDamagedException(string message, Exception? inner = null) : TrainingException(message, inner);
