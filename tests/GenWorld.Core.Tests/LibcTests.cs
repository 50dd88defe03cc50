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

    [Fact]
    public void The_malloc_arena_cap_is_taken_by_glibc_and_left_to_the_user_when_MALLOC_ARENA_MAX_is_set()
    {
        // 16 arenas: glibc's own default on 2 cores (8 per core), a loose cap elsewhere; this test process barely changes.
        Assert.True(Libc.LimitMallocArenas(16), "glibc's mallopt(M_ARENA_MAX) should accept the cap");
        Libc.SetEnv("MALLOC_ARENA_MAX", "4");
        try
        {
            Assert.False(Libc.LimitMallocArenas(16));
        }
        finally
        {
            Libc.UnsetEnv("MALLOC_ARENA_MAX");
        }
    }
}
