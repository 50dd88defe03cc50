using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using GenWorld.Benchmarks;
using Spectre.Console;

// genworld bench [--quick] [--filter NAME] [--out DIR]: runs every IBenchmark, prints a table, writes bench.json.
const string Usage = """
    genworld bench [--quick] [--filter NAME] [--out DIR]

    Runs every benchmark (or those whose name contains NAME), each beside its in-run baseline, prints a table and
    writes DIR/bench.json (default .build/bench). --quick uses fewer repetitions. A full run takes about 4 minutes
    on a 2-core machine; benchmarks the machine cannot run (no GPU, no GL) are listed with the reason.
    """;
GenWorld.Cli.ConsoleWidth.WidenWhenRedirected();
if (args.Any(a => a is "-h" or "--help" or "-?"))
{
    Console.WriteLine(Usage);
    Console.WriteLine("Benchmarks: " + string.Join(", ", AllBenchmarks().Select(b => b.Name)));
    return 0;
}
// An option this program does not know would otherwise be ignored and start a full run.
for (int a = 0; a < args.Length; a++)
{
    if (args[a] is "--filter" or "--out") { a++; continue; }
    if (args[a] is "--quick") continue;
    Console.Error.WriteLine($"genworld bench: unknown argument '{args[a]}'.\n{Usage}");
    return 2;
}
bool quick = args.Contains("--quick");
string? filter = ArgValue("--filter");
string outDir = Path.GetFullPath(ArgValue("--out") ?? Path.Combine(".build", "bench"));
Directory.CreateDirectory(outDir);
var options = new BenchmarkOptions(quick, outDir);

var benchmarks = AllBenchmarks().Where(b => filter is null || b.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();

var results = new List<BenchmarkResult>();
var unavailable = new List<object>();
foreach (IBenchmark benchmark in benchmarks)
{
    AnsiConsole.MarkupLine($"[grey]running[/] {Markup.Escape(benchmark.Name)}...");
    var clock = Stopwatch.StartNew();
    try
    {
        results.AddRange(benchmark.Run(options));
    }
    catch (BenchmarkUnavailableException e)
    {
        unavailable.Add(new { benchmark = benchmark.Name, reason = e.Message });
        AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(benchmark.Name)}: {Markup.Escape(e.Message)}");
    }
    AnsiConsole.MarkupLine($"[grey]  {clock.Elapsed.TotalSeconds:F1} s[/]");
}

var table = new Table().Border(TableBorder.Rounded).AddColumns("Benchmark", "Case", "Value", "Baseline", "Ratio", "Note");
foreach (BenchmarkResult r in results)
    table.AddRow(Markup.Escape(r.Benchmark), Markup.Escape(r.Case), $"{r.Value:G4} {Markup.Escape(r.Unit)}",
        r.Baseline is { } b ? $"{b:G4} ({Markup.Escape(r.BaselineName ?? "")})" : "",
        r.Ratio is { } ratio ? $"{ratio:F2}x" : "", Markup.Escape(r.Note ?? ""));
AnsiConsole.Write(table);

string jsonPath = Path.Combine(outDir, "bench.json");
var report = new { machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription }, results, unavailable };
GenWorld.Core.IO.AtomicFile.WriteAllText(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(jsonPath)}[/]");
return 0;

static List<IBenchmark> AllBenchmarks() => [.. Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)];

string? ArgValue(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
