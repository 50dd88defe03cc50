using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace GenWorld.Training.Native;

/// <summary>
/// Turns libtorch's oneDNN (MKLDNN) CPU kernels off, once per process, before anything trains.
/// Why: in libtorch 2.10 (CPU), oneDNN's conv2d backward-to-input for a one-channel input races when libtorch runs more
/// than one thread: the same input gradient differed in 8 of 40 repeats and was NaN in up to 8 of 40
/// (tests/GenWorld.Training.Tests/Native/OneDnnSwitchTests.cs). Every discriminator back-propagates into its input
/// (the generator's gradient, R1), so the GANs and the adversarial stage of the synth VAE went NaN at random; with
/// oneDNN off the same convolutions are bit-identical from run to run. TorchSharp exposes no switch, so this calls
/// at::globalContext().setUserEnabledMkldnn(false) in libtorch_cpu itself (a plain C++ member function: the context is
/// the first argument under the System V ABI).
/// It stays off at one thread too, though that costs speed: with oneDNN on, the texture GAN's conv2d steps ran 2.5x
/// faster at one thread (1.25 against 0.5 steps/s, same run and machine, 2026-12-07), but a from-scratch run with style
/// modulation and mode seeking then went NaN at step 178 five times over (same step after every rollback) and gave up;
/// with it off the same run passed 420 steps with no rollback.
/// </summary>
public static class OneDnnSwitch
{
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>True once oneDNN is off in this process; false when the libtorch build lacks the switch.</summary>
    public static bool Disabled { get; private set; }

    /// <summary>Turns oneDNN off (idempotent, thread-safe). A libtorch without the symbols leaves it on and says so once.</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_done) return;
            _done = true;
            _ = get_num_threads(); // loads TorchSharp's native libraries, libtorch_cpu among them
            try
            {
                SetUserEnabledMkldnn(GlobalContext(), false);
                Disabled = !UserEnabledMkldnn(GlobalContext());
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Console.Error.WriteLine($"genworld: warning: could not turn libtorch's oneDNN kernels off ({e.GetType().Name}); GAN training may hit NaN with more than one thread.");
            }
        }
    }

    [DllImport("torch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("torch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("torch_cpu", EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);
}
