using GenWorld.Content.Datasets;

namespace GenWorld.Content.Tests.Datasets;

/// <summary>One id rule for every source (sfx and textures had drifted into two copies).</summary>
public sealed class UnitIdsTests
{
    [Theory]
    [InlineData("wesnoth-music", "data.tar.xz!./usr/share/games/wesnoth/sounds/mace.wav", "wesnoth-sounds-mace_wav")]
    [InlineData("wesnoth-music", "data.tar.xz!./usr/share/games/wesnoth/sounds/mace.ogg", "wesnoth-sounds-mace_ogg")]
    [InlineData("openarena-data", "pak0.pk3!textures/base wall/métal+1.tga", "openarena-base_wall-m_tal_1_tga")]
    public void The_package_word_and_the_last_two_path_segments_with_odd_characters_replaced(string package, string path, string id) =>
        Assert.Equal(id, UnitIds.FromSource(package, path));
}
