namespace GenWorld.Tests.Shared;

/// <summary>
/// A fact that needs a real outside program (Node.js with node-osc, Chromium, a Slurm cluster). Where the program
/// cannot be installed, the test is skipped with the reason. Under <c>./genworld test</c> (which installs every one of
/// them and sets GENWORLD_REQUIRE_PROGRAMS=1; CI runs it) a missing program must not hide behind a skip: the test runs
/// and fails with its fixture's own error.
/// </summary>
public abstract class ExternalProgramFactAttribute : FactAttribute
{
    /// <summary>Skips with <paramref name="unavailableReason"/> when it is set, unless programs are required.</summary>
    protected ExternalProgramFactAttribute(string? unavailableReason)
    {
        if (unavailableReason is not null && Environment.GetEnvironmentVariable("GENWORLD_REQUIRE_PROGRAMS") != "1") Skip = unavailableReason;
    }
}
