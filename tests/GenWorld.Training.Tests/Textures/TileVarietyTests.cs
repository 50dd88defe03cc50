using GenWorld.Training.Textures;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

[Collection("Torch")]
public sealed class TileVarietyTests
{
    [Fact]
    public void Tiles_of_one_colour_score_no_spread_and_known_colours_score_their_standard_deviation()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        // Collapse: every tile the same brown plus grain; the grain is detail, not variety.
        Tensor brown = tensor(new float[] { 0.1f, -0.2f, -0.5f }).reshape(1, 3, 1, 1);
        Tensor collapsed = brown + 0.2f * randn(64, 3, 32, 32);
        Assert.True(TileVariety.MeanColourSpread(collapsed) < 0.01, $"{TileVariety.MeanColourSpread(collapsed):F4}");
        Assert.InRange(TileVariety.WithinTileSpread(collapsed), 0.095, 0.105); // 0.2 in [-1, 1] is 0.1 in [0, 1]

        // Half the tiles black, half white, in every channel: per-tile means 0 and 1, so the std is exactly 0.5.
        Tensor split = cat([full(8, 3, 16, 16, -1f), full(8, 3, 16, 16, 1f)], 0);
        Assert.Equal(0.5, TileVariety.MeanColourSpread(split), 6);
        Assert.Equal(0.0, TileVariety.WithinTileSpread(split), 6);
    }

    [Fact]
    public void Bad_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TileVariety.MeanColourSpread(zeros(1, 3, 16, 16)));
        Assert.Throws<ArgumentException>(() => TileVariety.WithinTileSpread(zeros(4, 1, 16, 16)));
    }

    [Fact]
    public void A_config_from_before_the_global_code_reads_as_zero_global_channels()
    {
        var old = new Dictionary<string, string>(new TextureGanConfig().ToDictionary());
        Assert.Equal(16, TextureGanConfig.FromDictionary(old).GlobalChannels);
        old.Remove("globalChannels");
        old.Remove("styleChannels"); // the style modulation came later still
        TextureGanConfig config = TextureGanConfig.FromDictionary(old);
        Assert.Equal(0, config.GlobalChannels);
        // Its generator has exactly the old parameter names and shapes, so old model.pt files load.
        using var modules = new TextureGanModules(config);
        Assert.Equal(32, modules.Generator.named_parameters().Single(p => p.name == "_body.stem_conv.weight").parameter.shape[1]);
        Assert.Contains("globalChannels", Assert.Single(new TextureGanConfig { LatentChannels = 8 }.Validate()));
    }

    [Fact]
    public void A_config_from_before_the_style_modulation_reads_as_none_and_keeps_the_old_parameter_names()
    {
        var config = new Dictionary<string, string>(new TextureGanConfig { StyleChannels = 64, ModeSeeking = 0.05 }.ToDictionary());
        Assert.Equal(64, TextureGanConfig.FromDictionary(config).StyleChannels);
        config.Remove("styleChannels");
        config.Remove("modeSeeking");
        TextureGanConfig old = TextureGanConfig.FromDictionary(config);
        Assert.Equal(0, old.StyleChannels);
        Assert.Equal(0, old.ModeSeeking);
        using var modules = new TextureGanModules(old);
        Assert.Contains(modules.Generator.named_parameters(), p => p.name == "_body.stem_conv.weight");
        using var styled = new TextureGanModules(new TextureGanConfig { StyleChannels = 64 });
        Assert.Contains(styled.Generator.named_parameters(), p => p.name == "styled4._style.weight");
        Assert.Contains("styleChannels", Assert.Single(new TextureGanConfig { GlobalChannels = 0, StyleChannels = 8 }.Validate()));
    }

    [Fact]
    public void A_config_from_before_the_blur_reads_as_no_blur_and_its_checkpoint_keeps_the_old_parameter_names()
    {
        var config = new Dictionary<string, string>(new TextureGanConfig().ToDictionary());
        Assert.Equal("true", config["upsampleBlur"]);
        Assert.True(TextureGanConfig.FromDictionary(config).UpsampleBlur);
        config.Remove("upsampleBlur");
        Assert.False(TextureGanConfig.FromDictionary(config).UpsampleBlur);
        config["upsampleBlur"] = "maybe";
        Assert.Contains("upsampleBlur", Assert.Throws<InvalidDataException>(() => TextureGanConfig.FromDictionary(config)).Message);
        // The blur has neither parameters nor buffers, so old model.pt files (no blur) and new ones hold the same tensors.
        using var with = new TextureGenerator(8, 32, 4, blur: true);
        using var without = new TextureGenerator(8, 32, 4, blur: false);
        Assert.Equal(without.state_dict().Keys.Order(), with.state_dict().Keys.Order());
    }
}
