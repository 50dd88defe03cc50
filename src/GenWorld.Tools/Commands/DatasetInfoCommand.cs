using System.CommandLine;
using GenWorld.Content.Audio;
using GenWorld.Content.Datasets;
using GenWorld.Content.Textures;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld dataset info DIR</c>: validate a dataset, print its counts, durations and licences, write a contact sheet.</summary>
internal static class DatasetInfoCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Dataset folder, or the name of an imported dataset under the data root" };
        var sheet = new Option<string?>("--sheet") { Description = "Contact sheet PNG path (default: DIR.contact-sheet.png, beside the folder)" };
        var pitch = new Option<bool>("--pitch-check") { Description = "Notes datasets: estimate each pitched clip's f0 (YIN) and compare with its label" };
        var command = new Command("info", "Check a dataset and print counts per label, a duration histogram and licences; write a contact sheet PNG.")
        {
            dir, sheet, pitch,
        };
        command.SetAction(parse =>
        {
            Dataset dataset;
            try { dataset = Dataset.Open(GenWorld.Content.Import.DataRootSetting.LocateDataset(parse.GetValue(dir)!)); }
            catch (DatasetException e)
            {
                return CliMessage.Fail($"dataset info: {e.Message}", 1);
            }
            Print(dataset);
            if (parse.GetValue(pitch) && dataset.Info.Kind == "notes")
            {
                var r = Content.Notes.NotesPitchAudit.Run(dataset);
                Console.WriteLine($"Pitch check (every 10th pitched clip, MIDI ≥ 36): {r.Checked} checked, {r.Match} within a semitone, " +
                                  $"{r.OctaveOff} an octave off, {r.NoPitch} without a clear f0, {r.Checked - r.Match - r.OctaveOff - r.NoPitch} other");
            }
            // Beside the folder, not inside it: a dataset's files are exactly what its manifest lists.
            var png = parse.GetValue(sheet) ?? dataset.Directory.TrimEnd('/') + ".contact-sheet.png";
            if (dataset.Items.Any(i => i.SampleRate is not null))
            {
                var n = SpectrogramSheet.Write(dataset, png);
                Console.WriteLine($"Contact sheet: {png} ({n} spectrogram thumbnails)");
            }
            if (dataset.Items.Any(i => i.Width is not null))
            {
                var n = TileSheet.Write(dataset, png);
                Console.WriteLine($"Contact sheet: {png} ({n} tiles with group labels)");
            }
            return 0;
        });
        return command;
    }

    private static void Print(Dataset dataset)
    {
        var info = dataset.Info;
        Console.WriteLine($"{dataset.Directory}: {info.Kind} dataset, version {info.Version} (checksum ok), {info.ItemCount} items, built {info.CreatedUtc:u}");
        Console.WriteLine($"Parameters: {string.Join(", ", info.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
        foreach (var key in dataset.Items.SelectMany(i => i.Labels.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var counts = dataset.Items.Where(i => i.Labels.ContainsKey(key)).GroupBy(i => i.Labels[key]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            Console.WriteLine($"Counts per {key} ({counts.Count} values):");
            if (counts.Count > 40)
                Console.WriteLine($"  {counts.First().Key} … {counts.Last().Key}, {counts.Min(g => g.Count())}–{counts.Max(g => g.Count())} items each");
            else
                foreach (var g in counts) Console.WriteLine($"  {g.Key,-28} {g.Count(),6}");
        }
        var durations = dataset.Items.Where(i => i.DurationSeconds is not null).Select(i => i.DurationSeconds!.Value).ToList();
        if (durations.Count > 0)
        {
            Console.WriteLine($"Durations: {durations.Min():0.00}–{durations.Max():0.00} s, mean {durations.Average():0.00} s, total {durations.Sum() / 60:0.0} min");
            var edges = new[] { 0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, double.PositiveInfinity };
            var most = 0;
            var bins = new int[edges.Length - 1];
            for (var b = 0; b < bins.Length; b++) most = Math.Max(most, bins[b] = durations.Count(d => d > edges[b] && d <= edges[b + 1]));
            for (var b = 0; b < bins.Length; b++)
                Console.WriteLine($"  ({edges[b]:0.00}, {(double.IsInfinity(edges[b + 1]) ? "∞" : edges[b + 1].ToString("0.00"))}] s {bins[b],6} {new string('#', most == 0 ? 0 : bins[b] * 40 / most)}");
        }
        Console.WriteLine("Licences:");
        foreach (var g in dataset.Items.GroupBy(i => (i.SourcePackage, i.Licence)).OrderBy(g => g.Key.SourcePackage, StringComparer.Ordinal))
            Console.WriteLine($"  {g.Key.SourcePackage}: {g.Key.Licence} ({g.Count()} items)");
        if (info.Report.Skipped.Count > 0)
            Console.WriteLine("Skipped at build: " + string.Join(", ", info.Report.Skipped.Select(s => $"{s.Key} {s.Value}")));
    }
}
