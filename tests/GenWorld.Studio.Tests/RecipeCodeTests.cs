using GenWorld.Inference.Generation;

namespace GenWorld.Studio.Tests;

/// <summary>The code format itself: what goes in comes out, and a changed or cut code is refused with the reason.</summary>
public sealed class RecipeCodeTests
{
    private static RecipeCode Sound() => new()
    {
        Kind = RecipeKind.Sound, Model = "notes-vae", VersionHash = RecipeCode.HashOf("notes-vae@1"), Pitch = 60,
        Latent = RecipeCode.Quantise([0.1234f, -1.5f, 3.0004f, -0.0005f, 32.9f]),
    };

    [Fact]
    public void A_sound_code_reads_back_the_same_model_hash_pitch_and_latent_floats()
    {
        RecipeCode code = Sound();
        string text = code.ToString();
        RecipeCode back = RecipeCode.Parse(text);
        Assert.StartsWith(RecipeCode.Prefix, text, StringComparison.Ordinal);
        Assert.True(text.Length < 60, $"a 5-value sound code should be short; got {text.Length} characters: {text}");
        Assert.Equal(("notes-vae", code.VersionHash, (int?)60, (int?)null), (back.Model, back.VersionHash, back.Pitch, back.Label));
        Assert.Equal(code.Latent, back.Latent); // bit for bit: these are the floats generation is fed
        Assert.Equal(new[] { 123, -1500, 3000, 0, 32767 }.Select(k => k * RecipeCode.LatentStep), back.Latent); // steps of 1/1000, clamped to int16
        Assert.Equal(text, back.ToString());
    }

    [Fact]
    public void Quantising_twice_changes_nothing()
    {
        float[] once = RecipeCode.Quantise([0.33333f, -2.71828f, 1e-7f]);
        Assert.Equal(once, RecipeCode.Quantise(once));
    }

    [Fact]
    public void A_texture_code_reads_back_its_seed_and_size()
    {
        var code = new RecipeCode { Kind = RecipeKind.Texture, Model = "textures-gan", VersionHash = "0A1B2C3D", Seed = -123456, Size = 256 };
        RecipeCode back = RecipeCode.Parse(code.ToString());
        Assert.Equal((RecipeKind.Texture, "textures-gan", "0A1B2C3D", -123456, 256), (back.Kind, back.Model, back.VersionHash, back.Seed, back.Size));
    }

    [Fact]
    public void Every_single_changed_character_is_caught()
    {
        string text = Sound().ToString();
        for (int i = RecipeCode.Prefix.Length; i < text.Length; i++)
        {
            char replacement = text[i] == 'A' ? 'B' : 'A';
            string damaged = text[..i] + replacement + text[(i + 1)..];
            Assert.Throws<FormatException>(() => RecipeCode.Parse(damaged));
        }
    }

    [Theory]
    [InlineData("", "starts with 'gw1_'")]
    [InlineData("sfxr:1234", "starts with 'gw1_'")]
    [InlineData("gw1_AAAA", "too short")]
    [InlineData("gw1_$$$$$$$$$$$$$$$$$$$$$$$$", "base64url")]
    public void Malformed_codes_say_what_is_wrong(string text, string expected)
    {
        FormatException e = Assert.Throws<FormatException>(() => RecipeCode.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_code_fails_its_checksum()
    {
        string text = Sound().ToString();
        FormatException e = Assert.Throws<FormatException>(() => RecipeCode.Parse(text[..^3]));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }
}
