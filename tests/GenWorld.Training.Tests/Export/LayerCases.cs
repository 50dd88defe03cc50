using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>One randomly initialised module per supported layer type (and per interesting setting), with its input shape.</summary>
internal static class LayerCases
{
    public sealed record Case(Func<nn.Module<Tensor, Tensor>> Create, long[] ItemShape, Func<long[], Tensor>? Input = null);

    public static readonly IReadOnlyDictionary<string, Case> All = new Dictionary<string, Case>
    {
        ["Linear"] = new(() => nn.Linear(8, 5), [8]),
        ["Linear_3d_no_bias"] = new(() => nn.Linear(8, 5, hasBias: false), [4, 8]),
        ["Conv1d_stride_pad_dilation"] = new(() => nn.Conv1d(4, 6, 3, stride: 2, padding: 2, dilation: 2), [4, 17]),
        ["Conv1d_groups_circular"] = new(() => nn.Conv1d(4, 6, 3, padding: 1, groups: 2, padding_mode: PaddingModes.Circular), [4, 9]),
        ["Conv2d_stride_pad_groups"] = new(() => nn.Conv2d(4, 6, (3, 5), stride: (2, 1), padding: (1, 2), dilation: (1, 2), groups: 2), [4, 9, 11]),
        ["Conv2d_circular"] = new(() => nn.Conv2d(3, 5, 3, padding: 1, padding_mode: PaddingModes.Circular), [3, 8, 8]),
        ["Conv2d_reflect"] = new(() => nn.Conv2d(3, 5, 3, padding: 1, padding_mode: PaddingModes.Reflect), [3, 7, 6]),
        ["Conv2d_replicate"] = new(() => nn.Conv2d(3, 5, 3, padding: 2, padding_mode: PaddingModes.Replicate), [3, 7, 6]),
        ["Conv2d_same"] = new(() => nn.Conv2d(3, 4, 4, padding: Padding.Same), [3, 7, 6]),
        ["ConvTranspose1d"] = new(() => nn.ConvTranspose1d(6, 4, 4, stride: 2, padding: 1, output_padding: 1), [6, 10]),
        ["ConvTranspose2d"] = new(() => nn.ConvTranspose2d(4, 6, 4, stride: 2, padding: 1), [4, 5, 5]),
        ["ConvTranspose2d_outpad_dilation_groups"] = new(() => nn.ConvTranspose2d(4, 6, 3, stride: 2, padding: 1, output_padding: 1, dilation: 2, groups: 2), [4, 5, 6]),
        ["ReLU"] = new(() => nn.ReLU(), [5, 3]),
        ["LeakyReLU"] = new(() => nn.LeakyReLU(0.2), [5, 3]),
        ["ELU"] = new(() => nn.ELU(0.7), [5, 3]),
        ["Tanh"] = new(() => nn.Tanh(), [5, 3]),
        ["Sigmoid"] = new(() => nn.Sigmoid(), [5, 3]),
        ["GELU"] = new(() => nn.GELU(), [5, 3], s => randn(s) * 3),
        ["GELU_tanh"] = new(() => nn.GELU(TorchSharp.Modules.GELU.Approximate.tanh, false), [5, 3], s => randn(s) * 3),
        ["SiLU"] = new(() => nn.SiLU(), [5, 3]),
        ["Softplus"] = new(() => nn.Softplus(), [5, 3], s => randn(s) * 12),
        ["Softplus_beta_threshold"] = new(() => nn.Softplus(2, 5), [5, 3], s => randn(s) * 4),
        ["Softmax"] = new(() => nn.Softmax(1), [5, 3]),
        ["Identity"] = new(() => nn.Identity(), [5, 3]),
        ["Dropout"] = new(() => nn.Dropout(0.5), [5, 3]),
        ["Dropout1d"] = new(() => nn.Dropout1d(0.5), [4, 6]),
        ["Dropout2d"] = new(() => nn.Dropout2d(0.5), [3, 4, 4]),
        ["BatchNorm1d"] = new(() => Warmed(nn.BatchNorm1d(4), [8, 4, 6]), [4, 6]),
        ["BatchNorm1d_2d_input"] = new(() => Warmed(nn.BatchNorm1d(4), [8, 4]), [4]),
        ["BatchNorm2d"] = new(() => Warmed(nn.BatchNorm2d(3, affine: false), [8, 3, 5, 5]), [3, 5, 5]),
        ["LayerNorm"] = new(() => Randomised(nn.LayerNorm(6)), [4, 6]),
        ["LayerNorm_2d_shape"] = new(() => Randomised(nn.LayerNorm([4, 6])), [4, 6]),
        ["GroupNorm"] = new(() => Randomised(nn.GroupNorm(2, 6)), [6, 5, 4]),
        ["GroupNorm_no_affine"] = new(() => nn.GroupNorm(3, 6, affine: false), [6, 7]),
        ["Upsample_nearest_scale"] = new(() => nn.Upsample(scale_factor: [2.0, 2.0]), [3, 4, 5]),
        ["Upsample_nearest_size"] = new(() => nn.Upsample(size: [7, 9]), [3, 4, 5]),
        ["Upsample_nearest_1d"] = new(() => nn.Upsample(scale_factor: [3.0]), [3, 5]),
        ["Upsample_bilinear"] = new(() => nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false), [3, 4, 5]),
        ["Flatten"] = new(() => nn.Flatten(), [3, 4, 5]),
        ["Flatten_middle"] = new(() => nn.Flatten(2, 3), [3, 4, 5, 2]),
        ["Unflatten"] = new(() => nn.Unflatten(1, [4, 3]), [12, 2]),
        ["Unflatten_last_dim"] = new(() => nn.Unflatten(2, [4, 3]), [2, 12]),
        ["GRU_batch_first_2_layers"] = new(() => new GruSequence(5, 7, 2, batchFirst: true), [6, 5]),
        ["GRU_time_first_no_bias"] = new(() => new GruSequence(5, 4, 1, batchFirst: false, bias: false), [3, 5]),
        ["Embedding"] = new(() => nn.Embedding(10, 4), [6], s => randint(0, 10, s, dtype: ScalarType.Int64)),
        ["Sequential_nested"] = new(() => nn.Sequential(nn.Linear(6, 8), nn.Sequential(nn.ReLU(), nn.Linear(8, 3))), [6]),
        ["CircularPad2d"] = new(() => new GenWorld.Training.Export.CircularPad2d(1, 2, 3, 0), [2, 4, 5]),
        ["CircularBlur2d"] = new(() => new GenWorld.Training.Export.CircularBlur2d(4), [4, 5, 7]),
    };

    public static TheoryData<string> Names() => [.. All.Keys];

    // Fresh BatchNorm stats are 0/1, which would hide a mean/var mix-up; a few training passes make them real.
    private static nn.Module<Tensor, Tensor> Warmed(nn.Module<Tensor, Tensor> norm, long[] shape)
    {
        norm.train();
        using (NewDisposeScope())
            for (int i = 0; i < 5; i++) norm.forward(randn(shape) * 2 + 1);
        return Randomised(norm);
    }

    // Default affine params are ones/zeros, which would hide a scale/bias swap.
    private static nn.Module<Tensor, Tensor> Randomised(nn.Module<Tensor, Tensor> module)
    {
        using (no_grad())
            foreach (var p in module.parameters()) p.uniform_(-1.5, 1.5);
        return module;
    }
}
