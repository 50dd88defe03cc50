using GenWorld.Content.Debian;

namespace GenWorld.Content.Tests.Sfx;

public sealed class CopyrightFileTests
{
    private const string Dep5 = """
        Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

        Files: *
        Copyright: someone
        License: GPL-2+

        Files:
         base/sound/ambience/hum.ogg
         base/sound/doors/*
        Copyright: Nexuiz
        License: CC-BY-SA-3.0
         Long text here.

        Files: etc/samples/ambi_*.flac
        License: CC0
        """;

    [Fact]
    public void LastMatchingParagraphWinsAndInstalledPathsMatch()
    {
        var c = new CopyrightFile(Dep5);
        Assert.Equal(3, c.Paragraphs);
        Assert.Equal("CC-BY-SA-3.0", c.LicenceOf("base/sound/doors/door1-open.ogg", "?"));
        Assert.Equal("CC-BY-SA-3.0", c.LicenceOf("base/sound/ambience/hum.ogg", "?"));
        Assert.Equal("GPL-2+", c.LicenceOf("base/sound/ambience/hum2.ogg", "?"));
        Assert.Equal("CC0", c.LicenceOf("usr/share/sonic-pi/samples/ambi_choir.flac", "?"));
        Assert.Equal("fallback", new CopyrightFile("Free text, no fields.").LicenceOf("x.ogg", "fallback"));
    }
}
