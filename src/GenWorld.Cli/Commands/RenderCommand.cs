using System.CommandLine;
using GenWorld.Host;
using GenWorld.Host.Headless;
using GenWorld.Inference;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld render</c>: a headless flythrough of the latent field: PNG frames, a stereo WAV of the spatial mix
/// (OpenAL loopback, in step with the frames) and an MP4 when ffmpeg is there.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder with anchors.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var textures = new Option<DirectoryInfo?>("--textures") { Description = "Texture-GAN model folder for emitter objects (default models/textures-gan when present)." };
        var path = new Option<FileInfo?>("--path") { Description = "Camera path JSON ({\"version\":1,\"points\":[{\"t\":s,\"position\":[x,y,z],\"lookAt\":[x,y,z]}]})." }.ExistingFile();
        var orbit = new Option<bool>("--orbit") { Description = "Orbit the field (the default without --path)." };
        var seconds = new Option<double?>("--seconds") { Description = "Length in seconds (default: the path's length, else 8)." }.Above(0, 3600);
        var fps = new Option<int>("--fps") { Description = "Frames per second.", DefaultValueFactory = _ => 30 }.Between(1, 240);
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (frames/, mix.wav, flythrough.mp4).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".build", "render")) }.OutputFolder();
        var width = new Option<int>("--width") { Description = "Frame width in pixels.", DefaultValueFactory = _ => 1280 }.Between(16, 8192);
        var height = new Option<int>("--height") { Description = "Frame height in pixels.", DefaultValueFactory = _ => 720 }.Between(16, 8192);
        var follow = new Option<DirectoryInfo?>("--follow") { Description = "Versioned model root to follow (models/<name> as `genworld serve` publishes it): each new version swaps in while rendering." };
        var presentation = new Option<bool>("--presentation") { Description = "No HUD over the field (region labels and legend stay): clean footage for installations." };
        var noHrtf = new Option<bool>("--no-hrtf") { Description = "Plain stereo panning instead of HRTF." };
        var noReverb = new Option<bool>("--no-reverb") { Description = "No EFX reverb (it follows the field's density): a dry mix, for a room with its own acoustics." };
        var command = new Command("render", "Headless flythrough of the latent field: PNG frames + spatial-mix WAV (+ MP4 with ffmpeg).")
        {
            model, textures, path, orbit, seconds, fps, output, width, height, noHrtf, noReverb, follow, presentation,
        };
        var osc = new OscCliOptions();
        osc.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            if (OscCliOptions.Problem(osc.Read(parse)) is { } problem)
            {
                Console.Error.WriteLine($"render: {problem}");
                return Task.FromResult(2);
            }
            if (parse.GetValue(orbit) && parse.GetValue(path) is not null)
            {
                return Task.FromResult(CliMessage.Fail("render: give --path FILE or --orbit, not both.", 2));
            }
            var settings = new RenderSettings
            {
                Model = parse.GetValue(model)!.FullName, TextureModel = TextureFolder(parse.GetValue(textures)), PathFile = parse.GetValue(path)?.FullName,
                Seconds = parse.GetValue(seconds), Fps = parse.GetValue(fps), OutDir = parse.GetValue(output)!.FullName,
                Width = parse.GetValue(width), Height = parse.GetValue(height), Hrtf = !parse.GetValue(noHrtf), Reverb = !parse.GetValue(noReverb), Follow = parse.GetValue(follow)?.FullName, Osc = osc.Read(parse),
                Presentation = parse.GetValue(presentation),
            };
            HeadlessRender.Result r = HeadlessRender.Run(settings, OrtConsoleLog.Line, ct);
            Print(r);
            return Task.FromResult(0);
        });
        return command;
    }

    internal static string? TextureFolder(DirectoryInfo? given) =>
        given?.FullName ?? (Directory.Exists(Path.Combine("models", "textures-gan")) ? Path.GetFullPath(Path.Combine("models", "textures-gan")) : null);

    internal static void Print(HeadlessRender.Result r)
    {
        Console.WriteLine($"rendered {r.Frames} frames ({r.SecondsRendered:F1} s) in {r.WallSeconds:F0} s -> {r.FramesDir}");
        Console.WriteLine($"spatial mix -> {r.Wav}{(r.Mp4 is null ? "" : $"; video -> {r.Mp4}")}");
        Console.WriteLine(HostText.StatsLine(r.Stats));
    }
}
