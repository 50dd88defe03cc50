using System.Runtime.CompilerServices;

namespace GenWorld.Training.Tests;

/// <summary>
/// Every test in this assembly runs libtorch on one thread, as every training run does (TrainingRun sets --threads,
/// default 1). Left at libtorch's default of one thread per core, the tiny GAN fixtures gave NaN losses on this 2-core
/// machine from the first steps (both sound-GAN generator kinds, reproducibly alone), and whether a test passed depended
/// on which earlier test had happened to call TrainingRun and set one thread.
/// </summary>
internal static class SingleThreadedTorch
{
    [ModuleInitializer]
    internal static void Initialize() => TorchSharp.torch.set_num_threads(1);
}
