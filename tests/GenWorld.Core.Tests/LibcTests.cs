using GenWorld.Core.Native;

namespace GenWorld.Core.Tests;

public sealed class LibcTests
{
    [Fact]
    public void SetEnv_is_visible_to_native_getenv_but_keeps_existing_values_when_asked()
    {
        const string name = "GENWORLD_TEST_LIBC_VAR";
        Libc.SetEnv(name, "first");
        Assert.Equal("first", Libc.GetEnv(name));

        Libc.SetEnv(name, "second", overwrite: false);
        Assert.Equal("first", Libc.GetEnv(name));

        Libc.UnsetEnv(name);
        Assert.Null(Libc.GetEnv(name));
    }
}
