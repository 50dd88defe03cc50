using System.CommandLine;
using GenWorld.Service.Recipes;
using GenWorld.Training.Textures;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld train texture-gan</c>: the tileable texture GAN on a built textures dataset (dataset.json + tiles/) or
/// a plain folder of PNG tiles. At the end it restores the last checkpoint and writes contact-sheet.png (64 generated
/// tiles beside 64 real ones) into the run folder; <c>genworld export</c> turns the checkpoint into ONNX.
/// </summary>
internal static class TrainTextureGanCommand
{
    public static Command Create()
    {
        var common = new TrainOptions();
        var remote = new TrainViaOptions();
        var defaults = new TextureGanConfig();
        var tile = new Option<int>("--tile-size") { Description = "Training tile side in pixels (multiple of 16).", DefaultValueFactory = _ => defaults.TileSize }.Between(16, 2048);
        var latent = new Option<int>("--latent") { Description = "Latent channels per 16×16-pixel grid cell.", DefaultValueFactory = _ => defaults.LatentChannels }.Between(1, 1024);
        var global = new Option<int>("--global") { Description = "Leading latent channels averaged into a tile-wide code (0 = none).", DefaultValueFactory = _ => defaults.GlobalChannels }.Between(0, 1024);
        var blur = new Option<bool>("--upsample-blur") { Description = "Fixed circular binomial blur after each ×2 upsampling (hides the 16-px latent-cell grid).", DefaultValueFactory = _ => defaults.UpsampleBlur };
        var style = new Option<int>("--style") { Description = "Style vector (mapped from the global code) that modulates every generator block (0 = none).", DefaultValueFactory = _ => defaults.StyleChannels }.Between(0, 1024);
        var seeking = new Option<double>("--mode-seeking") { Description = "Weight of the mode-seeking term that keeps tiles of different latents apart (0 = off).", DefaultValueFactory = _ => defaults.ModeSeeking }.Between(0, 100);
        var warm = new Option<string?>("--warm-start") { Description = "A texture model folder exported without checkpoint/: its generator.onnx weights start the generator (the discriminator starts fresh). A resumed run ignores it." };
        var dWarmup = new Option<int>("--d-warmup") { Description = "Steps at the start that train only the discriminator (use with --warm-start: its discriminator starts untrained).", DefaultValueFactory = _ => defaults.DiscriminatorWarmup }.Between(0, 1_000_000);
        var gChannels = new Option<int>("--g-channels") { Description = "Generator channels after the stem (halved four times).", DefaultValueFactory = _ => defaults.GeneratorChannels }.Between(16, 8192);
        var dChannels = new Option<int>("--d-channels") { Description = "Discriminator channels of the first layer.", DefaultValueFactory = _ => defaults.DiscriminatorChannels }.Between(1, 8192);
        var batch = new Option<int>("--batch") { Description = "Tiles per step.", DefaultValueFactory = _ => defaults.BatchSize }.Between(2, 4096);
        var lr = new Option<double>("--lr") { Description = "Adam learning rate (both networks).", DefaultValueFactory = _ => defaults.LearningRate }.Above(0, 1);
        var r1 = new Option<double>("--r1-gamma") { Description = "R1 penalty weight on real tiles.", DefaultValueFactory = _ => defaults.R1Gamma }.Between(0, 1e6);
        var ema = new Option<double>("--ema") { Description = "EMA decay of the exported generator.", DefaultValueFactory = _ => defaults.EmaDecay }.Between(0, 0.999999);
        var command = new Command("texture-gan", "Train the tileable texture GAN (circular padding: every tile wraps; any latent grid size).");
        common.AddTo(command);
        remote.AddTo(command);
        foreach (Option o in new Option[] { tile, latent, global, blur, style, seeking, warm, dWarmup, gChannels, dChannels, batch, lr, r1, ema }) command.Options.Add(o);
        command.SetAction((parse, ct) => TrainExecution.RunAsync(parse, common, remote, new TextureGanRecipe(parse.GetValue(warm)), new Dictionary<string, double>
        {
            ["tileSize"] = parse.GetValue(tile), ["latentChannels"] = parse.GetValue(latent), ["globalChannels"] = parse.GetValue(global),
            ["upsampleBlur"] = parse.GetValue(blur) ? 1 : 0, ["styleChannels"] = parse.GetValue(style), ["modeSeeking"] = parse.GetValue(seeking),
            ["discriminatorWarmup"] = parse.GetValue(dWarmup),
            ["generatorChannels"] = parse.GetValue(gChannels),
            ["discriminatorChannels"] = parse.GetValue(dChannels), ["batchSize"] = parse.GetValue(batch), ["learningRate"] = parse.GetValue(lr),
            ["r1Gamma"] = parse.GetValue(r1), ["emaDecay"] = parse.GetValue(ema),
        }, ct));
        return command;
    }
}
