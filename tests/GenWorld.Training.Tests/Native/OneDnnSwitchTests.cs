using GenWorld.Training.Native;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Native;

/// <summary>
/// The race <see cref="OneDnnSwitch"/> works around: with oneDNN on and two libtorch threads, the input gradient of a
/// one-channel conv2d differed between identical repeats (and was sometimes NaN). With it off, every repeat must be
/// bit-identical and finite.
/// </summary>
[Collection("Torch")]
public sealed class OneDnnSwitchTests
{
    [Fact]
    public void With_oneDNN_off_a_one_channel_conv2d_input_gradient_is_finite_and_identical_on_two_threads()
    {
        OneDnnSwitch.Apply();
        Assert.True(OneDnnSwitch.Disabled, "libtorch_cpu should expose the oneDNN switch");
        int threads = get_num_threads();
        set_num_threads(2);
        try
        {
            manual_seed(1);
            using var conv = nn.Conv2d(1, 2, 4, stride: 2, padding: 1);
            using var x = randn(4, 1, 64, 128);
            float[]? first = null;
            for (int i = 0; i < 40; i++)
            {
                using var scope = NewDisposeScope();
                Tensor input = x.detach().requires_grad_(true);
                conv.forward(input).square().sum().backward();
                float[] grad = input.grad!.data<float>().ToArray();
                Assert.All(grad, g => Assert.True(float.IsFinite(g)));
                if (first is null) first = grad;
                else Assert.Equal(first, grad);
                conv.zero_grad();
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
