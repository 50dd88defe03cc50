using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Datasets;

/// <summary>A dataset kind made in the test: each unit writes one real 16-bit WAV tone, so the builder's machinery is exercised end to end.</summary>
internal sealed class TestSource(int units, Action<int, CancellationToken>? onProduce = null, IReadOnlyList<PackageRequirement>? packages = null) : IDatasetSource
{
    private int _produced;

    public int Produced => _produced;

    public string Kind => "test";

    public string PrimaryLabel => "band";

    public IReadOnlyList<PackageRequirement> Packages => packages ?? [];

    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options) =>
        new Dictionary<string, string> { ["units"] = units.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public string Describe(DatasetBuildOptions options) => "Sine tones written by the test.";

    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages) =>
        Enumerable.Range(0, units).Select(i => new DatasetWorkUnit($"unit-{i:00}", (output, ct) =>
        {
            onProduce?.Invoke(i, ct);
            Interlocked.Increment(ref _produced);
            var samples = Enumerable.Range(0, 1600).Select(n => 0.5f * MathF.Sin(2 * MathF.PI * (200 + 50 * i) * n / 16000f)).ToArray();
            var file = $"clips/tone-{i:00}.wav";
            WavFile.Write(output.PathFor(file), new AudioClip(samples, 1, 16000));
            output.Add(new DatasetItem($"tone-{i:00}", file, Kind, new Dictionary<string, string> { ["band"] = i < units / 2 ? "low" : "high" },
                PrimaryLabel, "none", "CC0", "generated") { DurationSeconds = 0.1, SampleRate = 16000 });
            if (i % 3 == 0) output.Skip("every third unit also skips one input");
        }));
}

/// <summary>A package provider that never finds anything (no network), for builds whose sources need none.</summary>
internal sealed class NoPackages : IPackageProvider
{
    public DebianPackage Fetch(string name, CancellationToken ct = default) => throw new PackageUnavailableException(name, "offline test");
}
