using GenWorld.Core.Imaging;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>Tensor batches [N, C, H, W] as <see cref="PlanarImages"/>, so training measures with the same code as everyone else.</summary>
public static class TensorImages
{
    /// <summary>Copies a 4-D batch to a planar float array (the tensor's own layout, contiguous).</summary>
    public static PlanarImages Planar(this Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
            throw new ArgumentException($"Images need [N, C, H, W], got [{string.Join(", ", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        float[] values = images.detach().to_type(ScalarType.Float32).contiguous().cpu().data<float>().ToArray();
        return new PlanarImages(values, (int)images.shape[0], (int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
    }
}
