using System.Runtime.InteropServices;

namespace GenWorld.Inference;

/// <summary>
/// ORT only says "Failed to load shared library" when its CUDA provider cannot load; loading the provider ourselves
/// gets the loader's own words, which name the missing CUDA library (e.g. libcublasLt.so.13).
/// </summary>
internal static class CudaLoadDiagnosis
{
    private const string ProviderLibrary = "libonnxruntime_providers_cuda.so";

    /// <summary>The loader's error for the CUDA provider, or null when it loads or cannot be found.</summary>
    public static string? LoaderError()
    {
        string? path = new[]
        {
            Path.Combine(AppContext.BaseDirectory, ProviderLibrary),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", ProviderLibrary),
        }.FirstOrDefault(File.Exists);
        if (path is null || !OperatingSystem.IsLinux()) return null;
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return null;
        }
        catch (DllNotFoundException e)
        {
            // .NET wraps dlerror() in advice about strace and LD_DEBUG; dlerror's text comes last.
            string message = OrtSessionFactory.OneLine(e);
            const string Marker = "environment variable: ";
            int at = message.LastIndexOf(Marker, StringComparison.Ordinal);
            return at >= 0 ? message[(at + Marker.Length)..] : message;
        }
        catch (BadImageFormatException e)
        {
            return OrtSessionFactory.OneLine(e);
        }
    }
}
