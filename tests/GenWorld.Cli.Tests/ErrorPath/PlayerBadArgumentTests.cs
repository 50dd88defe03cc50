using System.Reflection;
using GenWorld.Cli.Commands;
using static GenWorld.Cli.Tests.ErrorPath.BadArgument;

namespace GenWorld.Cli.Tests.ErrorPath;

/// <summary>
/// Every verb of the player (`genworld`) with a table of bad arguments generated from its options, through the real
/// entry point: each is refused with exit 1 or 2 and one line naming the option or file, never a stack trace.
/// </summary>
[Collection("Native")]
public sealed class PlayerBadArgumentTests
{
    private static readonly Assembly Player = typeof(RenderCommand).Assembly;

    public static TheoryData<BadArgument> Cases()
    {
        var f = BadInputFiles.Instance;
        string notes = Path.Combine(RepoPath.Root, "models", "notes-vae"), textures = Path.Combine(RepoPath.Root, "models", "textures-gan");
        string prior = Path.Combine(RepoPath.Root, "models", "notes-prior");
        string[] render = ["render", "--model", notes, "--out", f.Out("render"), "--seconds", "0.1", "--fps", "2", "--width", "32", "--height", "32"];
        string[] explore = ["explore", "--model", notes];
        string[] texture = ["generate", "texture", "--model", textures, "--out", f.Out("t.png")];
        string[] sound = ["generate", "sound", "--model", notes, "--pitch", "60", "--out", f.Out("sound")];
        string[] compose = ["compose", "--model", prior, "--vae", notes, "--seconds", "1", "--out", f.Out("compose")];
        string[] measure = ["field", "measure", "--model", notes];
        IEnumerable<BadArgument> all =
        [
            // render: every numeric option, every path, and camera paths that are not camera paths
            .. For.PositiveNumber(render, "--seconds"), .. For.Integer(render, "--fps", 1, 240),
            .. For.Integer(render, "--width", 16, 8192), .. For.Integer(render, "--height", 16, 8192),
            .. For.ExistingFile(render, "--path"), .. For.OutputFolder(render, "--out"),
            new([.. render, "--path", f.GarbageJson], f.GarbageJson), new([.. render, "--path", f.EmptyFile], f.EmptyFile),
            .. f.CameraPaths.Select(path => new BadArgument([.. render, "--path", path], path)),
            new([.. render, "--orbit", "--path", f.GarbageJson], "--orbit"),
            new(For.With(render, "--model", f.Missing), f.Missing), new(For.With(render, "--model", f.PlainFile), f.PlainFile),
            // explore (parse-time checks: they run before the window is asked for)
            .. For.PositiveNumber(explore, "--seconds"), .. For.NonNegativeNumber(explore, "--attract-after"),
            // generate texture
            .. For.Values(texture, "--seed", "99999999999999999999", "1.5", "abc"), .. For.Values(texture, "--size", "0", "-16", "15", "8192", "abc"),
            new(For.With(texture, "--out", f.Folder), f.Folder),
            new(For.With(texture, "--model", f.Missing), f.Missing), new(For.With(texture, "--model", notes), "'notes-vae' is a SoundVae"),
            new(For.With(texture, "--model", f.FlippedModel("textures-gan", "generator.onnx")), "generator.onnx"),
            // generate sound: numbers, files, and audio that is not audio
            .. For.Integer(sound, "--pitch", 0, 127), .. For.Integer(sound, "--steps", 2, 1000), .. For.Integer(sound, "--count", 1, 10000),
            .. For.Values(sound, "--rate", "0", "-44100", "2000000000", "abc"),
            .. For.ExistingFile(sound, "--recipe"), .. For.OutputFolder(sound, "--out"),
            new([.. sound, "--recipe", f.GarbageJson], f.GarbageJson),
            new([.. sound, "--between", f.Missing, f.GoodWav], f.Missing), new([.. sound, "--between", f.Folder, f.GoodWav], f.Folder),
            new([.. sound, "--between", f.ZeroSampleWav, f.GoodWav], f.ZeroSampleWav), new([.. sound, "--between", f.GoodWav, f.NanWav], f.NanWav),
            new([.. sound, "--between", f.TwoGigahertzWav, f.GoodWav], f.TwoGigahertzWav), new([.. sound, "--between", f.GarbageWav, f.GoodWav], f.GarbageWav),
            new([.. sound, "--latent", "1,NaN"], "latent"), new(For.With(sound, "--model", f.Missing), f.Missing), new(For.With(sound, "--model", textures), "'textures-gan' is a TextureGan"),
            new(For.With(sound, "--model", f.FlippedModel("notes-vae", "decoder.onnx")), "decoder.onnx"),
            // generate sound --like and encode: files that are not sound, models without an encoder
            new([.. sound, "--like", f.GarbageWav], f.GarbageWav), new([.. sound, "--like", f.GoodWav, "--spread", "-1"], "--spread"),
            new(["encode", f.GarbageWav, "--model", notes], f.GarbageWav), new(["encode", f.Missing, "--model", notes], f.Missing),
            new(["encode", f.GoodWav, "--model", textures], "textures-gan"), new(["encode", f.GoodWav, "--model", f.Missing], f.Missing),
            // compose
            .. For.PositiveNumber(compose, "--seconds"), .. For.PositiveNumber(compose, "--temperature"), .. For.Integer(compose, "--top-k", 0, 100000),
            .. For.OutputFolder(compose, "--out"), new(For.With(compose, "--model", f.Missing), f.Missing), new(For.With(compose, "--vae", f.PlainFile), f.PlainFile),
            // field measure, demo, info, and lines that are not commands at all
            .. For.Integer(measure, "--walks", 1, 10000), new(For.With(measure, "--model", f.Missing), f.Missing),
            .. For.OutputFolder(["demo"], "--out"),
            new(["info", "--bogus"], "--bogus"), new(["render", "--model"], "--model"), new(["generate"], "generate"), new(["no-such-verb"], "no-such-verb"),
        ];
        var data = new TheoryData<BadArgument>();
        foreach (BadArgument c in all) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_bad_argument_is_one_line_naming_it(BadArgument bad) => bad.AssertRefused(InProcessRun.Run(Player, bad.Args));

    [Fact]
    public void The_table_covers_every_player_verb_with_enough_cases()
    {
        var cases = ((IEnumerable<object[]>)Cases()).Select(row => (BadArgument)row[0]).ToList();
        Assert.True(cases.Count >= 120, $"{cases.Count} cases");
        foreach (string verb in new[] { "render", "explore", "generate texture", "generate sound", "compose", "field measure", "demo", "info", "encode" })
            Assert.Contains(cases, c => string.Join(' ', c.Args).StartsWith(verb, StringComparison.Ordinal));
    }
}
