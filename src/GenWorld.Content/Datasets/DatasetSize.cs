namespace GenWorld.Content.Datasets;

/// <summary>How much of a source to build.</summary>
public enum DatasetSize
{
    /// <summary>A few dozen items, small enough to ship in the repository (content/fixtures).</summary>
    Fixture,

    /// <summary>A subset that builds in under 3 minutes, for tests and demos.</summary>
    Small,

    /// <summary>The full dataset.</summary>
    Full,
}
