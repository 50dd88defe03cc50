namespace GenWorld.Inference.Synthesis;

/// <summary>
/// The FFT of a real signal of N points through one complex <see cref="FloatFft"/> of N/2: even samples go in as the
/// real parts and odd samples as the imaginary parts, and one O(N) pass splits or joins their spectra
/// (E[k] = (Z[k] + Z*[M−k]) / 2, O[k] = (Z[k] − Z*[M−k]) / 2i, X[k] = E[k] + e^(−2πik/N)·O[k], M = N/2). The
/// synthesiser's noise frames and impulse response are real, so this halves the work of the transforms that are most
/// of a clip's synthesis time. Spectra are the N/2 + 1 bins from DC to Nyquist. Immutable and thread-safe: callers
/// pass the buffers.
/// </summary>
public sealed class RealFft
{
    private readonly FloatFft _half;
    private readonly float[] _cos, _sin; // e^(−2πik/N) for k < N/4 + 1

    /// <summary>A plan for <paramref name="size"/> real points (a power of two, 8 or more).</summary>
    public RealFft(int size)
    {
        if (size < 8 || (size & (size - 1)) != 0) throw new ArgumentException($"real FFT size must be a power of two >= 8, got {size}.", nameof(size));
        Size = size;
        _half = new FloatFft(size / 2);
        _cos = new float[size / 4 + 1];
        _sin = new float[size / 4 + 1];
        for (int k = 0; k < _cos.Length; k++)
        {
            _cos[k] = (float)Math.Cos(2 * Math.PI * k / size);
            _sin[k] = (float)Math.Sin(2 * Math.PI * k / size);
        }
    }

    /// <summary>Real points per transform.</summary>
    public int Size { get; }

    /// <summary>Bins of a spectrum: DC to Nyquist.</summary>
    public int Bins => (Size / 2) + 1;

    /// <summary>
    /// The spectrum of <paramref name="input"/> (<see cref="Size"/> samples) into <paramref name="re"/>, <paramref name="im"/>
    /// (at least <see cref="Bins"/> each; the bins past them are left alone). Not scaled (as <see cref="FloatFft"/>'s forward).
    /// </summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> re, Span<float> im)
    {
        int m = Size / 2;
        if (input.Length < Size || re.Length < m + 1 || im.Length < m + 1) throw new ArgumentException($"need {Size} samples and {m + 1} bins.");
        for (int n = 0; n < m; n++)
        {
            re[n] = input[2 * n];
            im[n] = input[(2 * n) + 1];
        }
        _half.Transform(re, im, inverse: false);
        float z0r = re[0], z0i = im[0];
        re[0] = z0r + z0i;
        im[0] = 0;
        re[m] = z0r - z0i;
        im[m] = 0;
        for (int k = 1; k <= m / 2; k++)
        {
            int j = m - k;
            float ar = re[k], ai = im[k], br = re[j], bi = im[j];
            // E = (Z[k] + conj Z[j]) / 2, O = (Z[k] − conj Z[j]) / 2i, for k and for j (where the roles swap).
            float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
            float or = 0.5f * (ai + bi), oi = -0.5f * (ar - br);
            (float wr, float wi) = Twiddle(k);
            re[k] = er + (wr * or) - (wi * oi);
            im[k] = ei + (wr * oi) + (wi * or);
            // X[j] = conj(E[k]) + W^j · conj(O[k]) with W^j = −conj(W^k).
            re[j] = er - (wr * or) + (wi * oi);
            im[j] = -ei + (wr * oi) + (wi * or);
        }
    }

    /// <summary>
    /// The <see cref="Size"/> real samples of the spectrum in <paramref name="re"/>, <paramref name="im"/> (<see cref="Bins"/>
    /// bins; the imaginary parts of DC and Nyquist are ignored, as a real signal's are zero) into <paramref name="output"/>,
    /// scaled by 1/N like <see cref="FloatFft"/>'s inverse. <paramref name="re"/> and <paramref name="im"/> are used as scratch.
    /// </summary>
    public void Inverse(Span<float> re, Span<float> im, Span<float> output)
    {
        int m = Size / 2;
        if (output.Length < Size || re.Length < m + 1 || im.Length < m + 1) throw new ArgumentException($"need {m + 1} bins and room for {Size} samples.");
        float x0 = re[0], xm = re[m];
        re[0] = 0.5f * (x0 + xm);
        im[0] = 0.5f * (x0 - xm);
        for (int k = 1; k <= m / 2; k++)
        {
            int j = m - k;
            float ar = re[k], ai = im[k], br = re[j], bi = im[j];
            // E[k] = (X[k] + conj X[j]) / 2, O[k] = (X[k] − conj X[j]) / (2 W^k); Z[k] = E[k] + i·O[k]; and alike for j.
            float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
            float dr = 0.5f * (ar - br), di = 0.5f * (ai + bi);
            (float wr, float wi) = Twiddle(k);
            // O[k] = d / W^k = d · conj(W^k).
            float or = (dr * wr) + (di * wi), oi = (di * wr) - (dr * wi);
            re[k] = er - oi;
            im[k] = ei + or;
            // For j: E[j] = conj E[k] and O[j] = conj O[k] (W^j = −conj W^k), so Z[j] = E[j] + i·O[j].
            re[j] = er + oi;
            im[j] = -ei + or;
        }
        _half.Transform(re, im, inverse: true);
        for (int n = 0; n < m; n++)
        {
            output[2 * n] = re[n];
            output[(2 * n) + 1] = im[n];
        }
    }

    /// <summary>e^(−2πik/N) for 0 ≤ k ≤ N/4 (the table holds exactly that range).</summary>
    private (float Re, float Im) Twiddle(int k) => (_cos[k], -_sin[k]);
}
