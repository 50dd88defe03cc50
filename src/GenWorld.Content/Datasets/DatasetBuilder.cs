using System.Diagnostics;
using System.Text.Json;
using GenWorld.Content.Debian;
using GenWorld.Core.IO;

namespace GenWorld.Content.Datasets;

/// <summary>
/// Builds a dataset from an <see cref="IDatasetSource"/>: fetches packages, runs the source's work units in
/// <c>OUT.staging</c> (recording each finished unit in a journal so a killed build resumes), then writes the manifest,
/// dataset.json and card and publishes the folder by rename. Nothing in OUT changes unless the build completes.
/// </summary>
public sealed class DatasetBuilder(IPackageProvider packages)
{
    private const string ParametersFile = "build-parameters.json";

    /// <summary>Builds (or resumes) and publishes the dataset, then opens it. Throws <see cref="DatasetBuildException"/> on failure.</summary>
    public async Task<Dataset> BuildAsync(IDatasetSource source, DatasetBuildOptions options,
        IProgress<BuildProgress>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var target = Path.GetFullPath(options.OutputDirectory);
        var staging = target + ".staging";
        var report = new BuildReport();
        var parameters = new SortedDictionary<string, string>(
            source.Parameters(options).ToDictionary(), StringComparer.Ordinal) { ["kind"] = source.Kind };
        PrepareStaging(staging, parameters);

        var fetched = FetchPackages(source, report, progress, ct);
        var units = source.Plan(options, fetched).ToList();
        var duplicate = units.GroupBy(u => u.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"{source.Kind} source planned unit {duplicate.Key} twice");

        using (var journal = BuildJournal.Open(staging, out var done))
        {
            var results = new Dictionary<string, BuildJournal.Entry>(StringComparer.Ordinal);
            foreach (var u in units)
                if (done.TryGetValue(u.Id, out var e)) results[u.Id] = e;
            var total = units.Sum(u => u.Weight);
            var progressDone = units.Where(u => results.ContainsKey(u.Id)).Sum(u => u.Weight);
            var itemCount = results.Values.Sum(e => e.Items.Count);
            var failures = new List<string>();
            var gate = new object();
            progress?.Report(new BuildProgress("building", progressDone, total, itemCount));

            var pending = units.Where(u => !results.ContainsKey(u.Id)).ToList();
            await Parallel.ForEachAsync(pending,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = ct },
                (unit, token) =>
                {
                    var output = new UnitOutput(staging);
                    try { unit.Produce(output, token); }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        lock (gate) failures.Add($"{unit.Id}: {e.GetType().Name}: {e.Message}");
                        return ValueTask.CompletedTask;
                    }
                    var entry = new BuildJournal.Entry(unit.Id, [.. output.Items],
                        new SortedDictionary<string, int>(output.Skipped.ToDictionary(), StringComparer.Ordinal));
                    journal.Record(entry);
                    lock (gate)
                    {
                        results[unit.Id] = entry;
                        progressDone += unit.Weight;
                        itemCount += entry.Items.Count;
                        progress?.Report(new BuildProgress("building", progressDone, total, itemCount));
                    }
                    return ValueTask.CompletedTask;
                });

            if (failures.Count > 0)
                throw new DatasetBuildException(
                    $"{failures.Count} work unit(s) failed; nothing was published and finished units are kept in {staging} " +
                    $"for the next run. First: {failures[0]}");
            foreach (var entry in results.Values)
                foreach (var (reason, n) in entry.Skipped) report.Skip(reason, n);
            var items = source.Review([.. results.Values.SelectMany(e => e.Items).OrderBy(i => i.Id, StringComparer.Ordinal)], staging, report).ToList();
            if (items.Count == 0)
                throw new DatasetBuildException($"the {source.Kind} build produced no items. {string.Join(" ", report.Messages)}");
            progress?.Report(new BuildProgress("publishing", total, total, items.Count));
            Finish(source, options, staging, items, parameters, fetched, report, clock.Elapsed.TotalSeconds);
        }
        DatasetPublisher.Publish(staging, target);
        return Dataset.Open(target);
    }

    private static void PrepareStaging(string staging, SortedDictionary<string, string> parameters)
    {
        var fingerprint = JsonSerializer.Serialize(parameters, DatasetJson.Options);
        var path = Path.Combine(staging, ParametersFile);
        // A staging folder left by a build with other parameters holds the wrong items: start afresh.
        if (Directory.Exists(staging) && (!File.Exists(path) || File.ReadAllText(path) != fingerprint))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        if (!File.Exists(path)) AtomicFile.WriteAllText(path, fingerprint);
    }

    private Dictionary<string, DebianPackage> FetchPackages(IDatasetSource source, BuildReport report,
        IProgress<BuildProgress>? progress, CancellationToken ct)
    {
        var fetched = new Dictionary<string, DebianPackage>(StringComparer.Ordinal);
        foreach (var req in source.Packages)
        {
            progress?.Report(new BuildProgress($"fetching {req.Name}", 0, 1, 0));
            try { fetched[req.Name] = packages.Fetch(req.Name, ct); }
            catch (PackageUnavailableException e)
            {
                if (req.Required) throw new DatasetBuildException($"{e.Message}. The {source.Kind} dataset needs it.");
                report.Message($"{e.Message}; its items are left out.");
                report.Skip($"package unavailable: {req.Name}");
            }
        }
        return fetched;
    }

    private static void Finish(IDatasetSource source, DatasetBuildOptions options, string staging, List<DatasetItem> items,
        SortedDictionary<string, string> parameters, Dictionary<string, DebianPackage> fetched, BuildReport report, double seconds)
    {
        RemoveOrphans(staging, items);
        var version = Manifest.Write(Path.Combine(staging, Manifest.FileName), items);
        var sources = fetched.Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var mine = items.Where(i => i.SourcePackage == p.Name).ToList();
            var licences = string.Join("; ", mine.Select(i => i.Licence).Distinct().Order(StringComparer.Ordinal));
            return new SourcePackageInfo(p.Name, p.Version, licences, mine.Count);
        }).Where(s => s.Items > 0).ToList();
        var info = new DatasetInfo
        {
            Kind = source.Kind,
            Version = version,
            ItemCount = items.Count,
            PrimaryLabel = source.PrimaryLabel,
            Counts = new SortedDictionary<string, int>(
                items.GroupBy(i => i.PrimaryValue).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            Parameters = parameters,
            CreatedUtc = DateTimeOffset.UtcNow,
            Sources = sources,
            Report = new BuildReportData(items.Count, report.Skipped, report.Messages, Math.Round(seconds, 1)),
        };
        var licenceDir = Path.Combine(staging, "licences");
        Directory.CreateDirectory(licenceDir);
        foreach (var s in sources)
            AtomicFile.WriteAllText(Path.Combine(licenceDir, s.Package + ".copyright"), fetched[s.Package].CopyrightText);
        AtomicFile.WriteAllText(Path.Combine(staging, DatasetCard.FileName),
            DatasetCard.Render(info, items, source.Describe(options), options.Command));
        File.Delete(Path.Combine(staging, BuildJournal.FileName));
        File.Delete(Path.Combine(staging, ParametersFile));
        info.Write(staging); // last: its presence is what marks the folder as a finished dataset
    }

    /// <summary>Deletes files left by units that were killed before being journaled.</summary>
    private static void RemoveOrphans(string staging, List<DatasetItem> items)
    {
        var keep = new HashSet<string>(items.Select(i => Path.GetFullPath(Path.Combine(staging, i.File))), StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(staging))
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                if (!keep.Contains(Path.GetFullPath(file))) File.Delete(file);
    }
}
