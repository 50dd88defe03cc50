using TorchSharp.Modules;

namespace GenWorld.Training.Export.Emitters;

/// <summary>Pointwise activations, and the layers that are the identity at inference.</summary>
internal static class ActivationEmitters
{
    public static IEnumerable<IOnnxLayerEmitter> All() =>
    [
        new DelegateEmitter<ReLU>((s, _, x) => s.Graph.AddNode("Relu", [x])),
        new DelegateEmitter<LeakyReLU>((s, m, x) => s.Graph.AddNode("LeakyRelu", [x], OnnxAttribute.Float("alpha", m.negative_slope))),
        new DelegateEmitter<ELU>((s, m, x) => s.Graph.AddNode("Elu", [x], OnnxAttribute.Float("alpha", m.alpha))),
        new DelegateEmitter<Tanh>((s, _, x) => s.Graph.Tanh(x)),
        new DelegateEmitter<Sigmoid>((s, _, x) => s.Graph.Sigmoid(x)),
        new DelegateEmitter<SiLU>((s, _, x) => s.Graph.Mul(x, s.Graph.Sigmoid(x))),
        new DelegateEmitter<Softmax>((s, m, x) => s.Graph.Softmax(x, m.dim)),
        new DelegateEmitter<GELU>(Gelu),
        new DelegateEmitter<Softplus>(Softplus),
        new DelegateEmitter<Identity>((s, _, x) => x),
        new DelegateEmitter<Dropout>((s, _, x) => x),
        new DelegateEmitter<Dropout1d>((s, _, x) => x),
        new DelegateEmitter<Dropout2d>((s, _, x) => x),
    ];

    // Opset 17 has no Gelu op (added in 20), so write torch's formulas out.
    private static string Gelu(OnnxExportScope s, GELU module, string x)
    {
        var g = s.Graph;
        string approximate = module.approximate.ToString();
        string inner;
        if (approximate.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            // 0.5 x (1 + erf(x / sqrt 2))
            inner = g.AddNode("Erf", [g.Mul(x, g.AddScalar((float)(1 / Math.Sqrt(2))))]);
        }
        else if (approximate.Equals("tanh", StringComparison.OrdinalIgnoreCase))
        {
            // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
            string cube = g.Mul(g.Mul(x, x), x);
            string poly = g.Add(x, g.Mul(cube, g.AddScalar(0.044715f)));
            inner = g.Tanh(g.Mul(poly, g.AddScalar((float)Math.Sqrt(2 / Math.PI))));
        }
        else
        {
            throw s.Fail($"GELU approximation '{approximate}' is not supported.");
        }
        return g.Mul(g.Mul(x, g.AddScalar(0.5f)), g.Add(inner, g.AddScalar(1f)));
    }

    // torch: x when beta x > threshold, else log(1 + exp(beta x)) / beta.
    private static string Softplus(OnnxExportScope s, Softplus module, string x)
    {
        var g = s.Graph;
        string scaled = module.beta == 1 ? x : g.Mul(x, g.AddScalar((float)module.beta));
        string soft = g.AddNode("Softplus", [scaled]);
        if (module.beta != 1) soft = g.Div(soft, g.AddScalar((float)module.beta));
        string linear = g.AddNode("Greater", [scaled, g.AddScalar((float)module.threshold)]);
        return g.Where(linear, x, soft);
    }
}
