using GenWorld.Core.Native;

namespace GenWorld.Core.Tests;

public sealed class NativeLibrariesTests
{
    [Fact]
    public void A_missing_library_names_the_debian_package_to_install()
    {
        var missing = new NativeLibraryInfo("libgenworld-not-there.so.7", "genworld-fake-pkg", "testing");
        var e = Assert.Throws<MissingNativeLibraryException>(() => NativeLibraries.Load(missing));
        Assert.Contains("apt-get install genworld-fake-pkg", e.Message, StringComparison.Ordinal);
        Assert.Contains("libgenworld-not-there.so.7", e.Message, StringComparison.Ordinal);
        Assert.False(NativeLibraries.TryLoad(missing, out _, out string? error));
        Assert.Contains("genworld-fake-pkg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_present_library_loads_by_soname_and_a_missing_symbol_is_named()
    {
        var libc = new NativeLibraryInfo("libc.so.6", "libc6", "testing");
        Assert.NotEqual(IntPtr.Zero, NativeLibraries.Load(libc));
        Assert.NotEqual(IntPtr.Zero, NativeLibraries.GetExport(libc, "setenv"));
        var e = Assert.Throws<EntryPointNotFoundException>(() => NativeLibraries.GetExport(libc, "genworld_no_such_symbol"));
        Assert.Contains("genworld_no_such_symbol", e.Message, StringComparison.Ordinal);
    }
}
