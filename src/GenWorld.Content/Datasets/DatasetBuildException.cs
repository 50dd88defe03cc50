namespace GenWorld.Content.Datasets;

/// <summary>A build could not be completed; the previous dataset (if any) is untouched and the staging folder kept for resuming.</summary>
public sealed class DatasetBuildException : Exception
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    public DatasetBuildException(string message) : base(message) { }
}
