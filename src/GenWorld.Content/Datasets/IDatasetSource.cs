using GenWorld.Content.Debian;

namespace GenWorld.Content.Datasets;

/// <summary>
/// A kind of dataset (notes, sfx, textures): which packages it needs and how to turn them into items. The builder owns
/// staging, resuming, the manifest and publishing; a source only plans work units and produces items for each.
/// </summary>
public interface IDatasetSource
{
    /// <summary>Dataset kind written into every item and dataset.json (e.g. <c>notes</c>).</summary>
    string Kind { get; }

    /// <summary>Label key the dataset is counted by (e.g. <c>family</c>, <c>category</c>, <c>group</c>).</summary>
    string PrimaryLabel { get; }

    /// <summary>Debian packages to fetch, and whether the build must stop without each.</summary>
    IReadOnlyList<PackageRequirement> Packages { get; }

    /// <summary>Build parameters that define the output (resuming with different parameters starts afresh).</summary>
    IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options);

    /// <summary>A paragraph for the card: how items were made from the sources.</summary>
    string Describe(DatasetBuildOptions options);

    /// <summary>The work units of this build, in a stable order with stable ids. Only packages that could be fetched are given.</summary>
    IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages);

    /// <summary>
    /// A last look at every item of the finished units before the manifest is written, for decisions across units (an
    /// import drops near-duplicates); files of items left out are deleted. Default: all items, unchanged.
    /// </summary>
    IReadOnlyList<DatasetItem> Review(IReadOnlyList<DatasetItem> items, string staging, BuildReport report) => items;
}

/// <summary>A package a source uses.</summary>
/// <param name="Name">Debian package name.</param>
/// <param name="Required">True when the build cannot proceed without it; otherwise it is skipped with a message.</param>
public sealed record PackageRequirement(string Name, bool Required);

/// <summary>One resumable step of a build (one rendered chunk, one source file): done entirely or not at all.</summary>
/// <param name="Id">Stable identifier, recorded in the progress journal once the unit's items are written.</param>
/// <param name="Produce">Writes the unit's files under <see cref="UnitOutput.Directory"/> and adds their items.</param>
/// <param name="Weight">Relative cost, for the progress bar.</param>
public sealed record DatasetWorkUnit(string Id, Action<UnitOutput, CancellationToken> Produce, double Weight = 1);
