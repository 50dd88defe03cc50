namespace GenWorld.Service;

/// <summary>The service refuses to start: the options are unsafe or unusable (the message lists every problem).</summary>
public sealed class ServiceConfigurationException(IReadOnlyList<string> problems)
    : Exception("genworld serve cannot start: " + string.Join(" ", problems))
{
    /// <summary>Each problem, naming its option.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
