using System.Reflection;
using GenWorld.Cli.Commands;
using GenWorld.Cli.Tests.ErrorPath;
using static GenWorld.Cli.Tests.ErrorPath.BadArgument;

namespace GenWorld.Tools.Tests.ErrorPath;

/// <summary>
/// Every verb of the training tools (`genworld-tools`: train of every kind, serve, export, dataset, evaluate, field
/// encode, timbres and prior, probe) with a table of bad arguments generated from its options, through the real entry point: each is
/// refused with exit 1 or 2 and one line naming the option or file, never a stack trace.
/// </summary>
[Collection("Native")]
public sealed class ToolsBadArgumentTests
{
    private static readonly Assembly Tools = typeof(TrainCommand).Assembly;

    public static TheoryData<BadArgument> Cases()
    {
        var f = BadInputFiles.Instance;
        string Fixture(string kind) => Path.Combine(RepoPath.Root, "content", "fixtures", kind);
        string Model(string name) => Path.Combine(RepoPath.Root, "models", name);
        string[] vae = ["train", "sound-vae", "--dataset", Fixture("notes"), "--steps", "1", "--out", f.Out("vae")];
        string[] texture = ["train", "texture-gan", "--dataset", Fixture("textures"), "--steps", "1", "--out", f.Out("tex")];
        string[] gan = ["train", "sound-gan", "--dataset", Fixture("notes"), "--steps", "1", "--out", f.Out("gan")];
        string[] prior = ["train", "prior", "--dataset", f.Missing, "--steps", "1", "--out", f.Out("prior")];
        string[] serve = ["serve", "--state", f.Out("serve"), "--data", f.Folder, "--models", f.Out("models")];
        string[] build = ["dataset", "build", "notes", "--size", "fixture", "--out", f.Out("dataset")];
        // An empty folder to import: a value that slipped through would end in "nothing was imported", not a dataset.
        string[] import = ["dataset", "import", f.Folder, "--out", f.Out("import")];
        string[] evalSound = ["evaluate", "sound", "--model", Model("notes-vae"), "--dataset", Fixture("notes"), "--out", f.Out("e.json")];
        string[] evalTexture = ["evaluate", "texture", "--model", Model("textures-gan"), "--dataset", Fixture("textures"), "--out", f.Out("t.json")];
        // An empty folder for a model: a value that slipped through would fail at the model, and never write into models/.
        string[] encode = ["field", "encode", "--model", f.Folder, "--dataset", Fixture("notes")];
        // An empty folder for the prior: nothing is written before the dataset is read, and never into models/.
        string[] timbres = ["field", "timbres", "--prior", f.Folder, "--vae", Model("notes-vae"), "--dataset", f.Missing];
        // A missing dataset: the prior is fitted only after every clip is read, so nothing is written into models/.
        string[] fieldPrior = ["field", "prior", "--model", Model("notes-vae"), "--dataset", f.Missing];
        var all = new List<BadArgument>();
        foreach (string[] train in new[] { vae, texture, gan, prior })
        {
            // The options every kind shares: the budget, the checkpoints, the threads.
            all.AddRange([
                .. For.Integer(train, "--steps", 1, 1_000_000_000_000), .. For.PositiveNumber(train, "--minutes"),
                .. For.PositiveNumber(train, "--checkpoint-minutes"), .. For.Integer(train, "--threads", 1, 1024),
                .. For.Integer(train, "--keep-checkpoints", 1, 1000), .. For.Values(train, "--seed", "1.5", "abc"),
            ]);
        }
        all.AddRange([
            .. For.Word(vae, "--decoder"), .. For.Integer(vae, "--latent", 1, 1024), .. For.Integer(vae, "--channels", 1, 4096),
            .. For.Integer(vae, "--batch", 1, 4096), .. For.PositiveNumber(vae, "--lr"), .. For.Integer(vae, "--harmonics", 0, 512),
            .. For.Integer(vae, "--noise-bands", 1, 256), .. For.PositiveNumber(vae, "--clip-seconds"), .. For.NonNegativeNumber(vae, "--beta"),
            .. For.Integer(vae, "--adversarial-after", 0, int.MaxValue),
            new(For.With(vae, "--dataset", f.Missing), f.Missing), new(For.With(vae, "--dataset", f.Folder), f.Folder),
            .. For.Integer(texture, "--tile-size", 16, 2048), .. For.PositiveNumber(texture, "--lr"), .. For.NonNegativeNumber(texture, "--ema"),
            .. For.Integer(texture, "--batch", 2, 4096), .. For.Integer(texture, "--latent", 1, 1024),
            .. For.Word(gan, "--generator"), .. For.PositiveNumber(gan, "--lr"), .. For.Integer(gan, "--batch", 2, 4096),
            .. For.NonNegativeNumber(gan, "--r1-gamma"),
            .. For.Word(prior, "--model"), .. For.PositiveNumber(prior, "--lr"), .. For.Integer(prior, "--context", 2, 65536),
            new(prior, f.Missing),
            // serve: every bound is checked before it listens
            .. For.Integer(serve, "--jobs", 1, 64), .. For.Integer(serve, "--max-queued", 1, 100_000),
            .. For.PositiveNumber(serve, "--checkpoint-seconds"), .. For.PositiveNumber(serve, "--preview-seconds"),
            .. For.Integer(serve, "--slurm-gpus", 0, 64), .. For.Integer(serve, "--slurm-max-jobs", 1, 10_000),
            // export
            new(["export", f.Missing, "--out", f.Out("export")], f.Missing), new(["export", f.Folder, "--out", f.Out("export")], f.Folder),
            new(["export", f.GarbageCheckpoint, "--out", f.Out("export")], f.GarbageCheckpoint), new(["export", f.Folder], "--out"),
            // dataset build and info
            new(["dataset", "build", "bogus"], "bogus"), .. For.Values(build, "--size", "huge", ""),
            .. For.Integer(build, "--rate", 8000, 384000), .. For.Values(build, "--rate", "2000000000"), .. For.Integer(build, "--jobs", 1, 64),
            .. For.Values(import, "--kind", "bogus", "", "images", "Sounds"), .. For.Values(import, "--tiles", "abc", "", "-64", "0", "24", "2048", "64,64", "64;128"),
            .. For.Integer(import, "--crops-per-image", 1, 1024), new(["dataset", "import", f.Missing], f.Missing), new(["dataset", "import", f.PlainFile], f.PlainFile),
            new(["dataset", "info", f.Missing], f.Missing), new(["dataset", "info", f.PlainFile], f.PlainFile), new(["dataset", "info", f.Folder], f.Folder),
            new(["dataset", "info", f.DatasetWithGarbage("notes", "clips/fluidr3-p000-m048-v050.wav")], "fluidr3-p000-m048-v050.wav"),
            // evaluate and field encode
            .. For.Integer(evalSound, "--count", 10, 1_000_000), .. For.ExistingFolder(evalSound, "--model"),
            new(["evaluate", "sound", "--model", Model("notes-vae"), "--dataset", f.Missing], f.Missing),
            .. For.Integer(evalTexture, "--count", 100, 1_000_000), .. For.Values(evalTexture, "--size", "0", "-16", "15", "4096", "abc"),
            .. For.ExistingFolder(evalTexture, "--model"),
            .. For.ExistingFolder(encode, "--model"), .. For.ExistingFolder(encode, "--dataset"),
            .. For.ExistingFolder(timbres, "--prior"), .. For.ExistingFolder(timbres, "--vae"), new(timbres, f.Missing),
            .. For.ExistingFolder(fieldPrior, "--model"), .. For.Integer(fieldPrior, "--clips", 64, 1_000_000),
            .. For.Integer(fieldPrior, "--components", 1, 1024), .. For.Values(fieldPrior, "--seed", "1.5", "abc"), new(fieldPrior, f.Missing),
            new(For.With(fieldPrior, "--model", Model("textures-gan")), "textures-gan"), new(["field", "prior", "--dataset", f.Missing], "--model"),
            new(["field", "encode"], "--model"), new(["probe", "extra"], "extra"), new(["train"], "train"), new(["no-such-verb"], "no-such-verb"),
        ]);
        var data = new TheoryData<BadArgument>();
        foreach (BadArgument c in all) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_bad_argument_is_one_line_naming_it(BadArgument bad) => bad.AssertRefused(InProcessRun.Run(Tools, bad.Args));

    [Fact]
    public void The_table_covers_every_tools_verb_with_enough_cases()
    {
        var cases = ((IEnumerable<object[]>)Cases()).Select(row => (BadArgument)row[0]).ToList();
        Assert.True(cases.Count >= 250, $"{cases.Count} cases");
        foreach (string verb in new[] { "train sound-vae", "train texture-gan", "train sound-gan", "train prior", "serve", "export", "dataset build", "dataset import", "dataset info", "evaluate sound", "evaluate texture", "field encode", "field timbres", "field prior", "probe" })
            Assert.Contains(cases, c => string.Join(' ', c.Args).StartsWith(verb, StringComparison.Ordinal));
    }
}
