using System.Runtime.InteropServices;
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

    [Fact]
    public void Trimming_the_malloc_heap_returns_free_pages_between_live_blocks_to_the_system()
    {
        // 96 MB in 32 KB blocks (below glibc's mmap threshold: they live in the heap), every other one freed: the holes
        // cannot shrink the heap from its top, so glibc keeps them resident until malloc_trim releases their pages.
        const int Block = 32 * 1024, Count = 3072;
        var blocks = new IntPtr[Count];
        long freedAndKept;
        try
        {
            for (int i = 0; i < Count; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(Block);
                for (int b = 0; b < Block; b += 4096) Marshal.WriteByte(blocks[i], b, 1); // touch every page
            }
            for (int i = 0; i < Count; i += 2)
            {
                Marshal.FreeHGlobal(blocks[i]);
                blocks[i] = IntPtr.Zero;
            }
            freedAndKept = AnonymousRssKb();
            Assert.True(Libc.TrimMallocHeap(), "malloc_trim should release the freed blocks' pages");
            long released = freedAndKept - AnonymousRssKb();
            Assert.True(released > 24 * 1024, $"released {released} kB of the 48 MB freed");
        }
        finally
        {
            foreach (IntPtr p in blocks) if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
        }
    }

    private static long AnonymousRssKb() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
