using System.Numerics;
using System.Runtime.InteropServices;

namespace GenWorld.Inference.Synthesis;

/// <summary>
/// In-place radix-2 complex FFT in single precision with precomputed twiddles and bit-reversal: the runtime
/// synthesiser does hundreds of small transforms per clip, where <see cref="Core.Dsp.Fft"/>'s per-call trigonometry
/// (fine for offline analysis) would cost more than the synthesis. Stages whose butterflies span at least one SIMD
/// vector run on <see cref="Vector{T}"/> with each stage's twiddles stored contiguously (the noise and the impulse
/// response of a 48 kHz clip are ~1,000 transforms; this made them several times faster than the scalar loop).
/// One plan per size; plans are immutable and thread-safe.
/// </summary>
public sealed class FloatFft
{
    private readonly float[] _cos, _sin;
    private readonly float[][] _stageCos, _stageSin; // stage s (butterfly span 2^(s+1)): twiddle k at [k]
    private readonly int[] _reverse;

    /// <summary>A plan for <paramref name="size"/> points (a power of two, 4 or more).</summary>
    public FloatFft(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0) throw new ArgumentException($"FFT size must be a power of two >= 4, got {size}.", nameof(size));
        Size = size;
        _cos = new float[size / 2];
        _sin = new float[size / 2];
        for (int i = 0; i < size / 2; i++)
        {
            _cos[i] = (float)Math.Cos(2 * Math.PI * i / size);
            _sin[i] = (float)Math.Sin(2 * Math.PI * i / size);
        }
        int stages = System.Numerics.BitOperations.Log2((uint)size);
        _stageCos = new float[stages][];
        _stageSin = new float[stages][];
        for (int s = 0; s < stages; s++)
        {
            int half = 1 << s, stride = size / (2 * half);
            _stageCos[s] = [.. Enumerable.Range(0, half).Select(k => _cos[k * stride])];
            _stageSin[s] = [.. Enumerable.Range(0, half).Select(k => _sin[k * stride])];
        }
        _reverse = new int[size];
        int bits = System.Numerics.BitOperations.Log2((uint)size);
        for (int i = 0; i < size; i++) _reverse[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
    }

    /// <summary>Points per transform.</summary>
    public int Size { get; }

    /// <summary>Forward (e^{-i…}) or inverse (e^{+i…}, scaled by 1/N) transform of (re, im) in place.</summary>
    public void Transform(Span<float> re, Span<float> im, bool inverse)
    {
        int n = Size;
        if (re.Length < n || im.Length < n) throw new ArgumentException($"need {n} values in re and im.");
        for (int i = 0; i < n; i++)
        {
            int j = _reverse[i];
            if (j <= i) continue;
            (re[i], re[j]) = (re[j], re[i]);
            (im[i], im[j]) = (im[j], im[i]);
        }
        float sign = inverse ? 1 : -1;
        FirstTwoStages(re, im, sign);
        int width = Vector<float>.Count, stage = 2;
        for (int size = 8; size <= n; size <<= 1, stage++)
        {
            int half = size >> 1, stride = n / size;
            if (half >= width)
            {
                VectorStage(re, im, half, _stageCos[stage], _stageSin[stage], sign);
                continue;
            }
            for (int start = 0; start < n; start += size)
            {
                for (int k = 0; k < half; k++)
                {
                    float wr = _cos[k * stride], wi = sign * _sin[k * stride];
                    int a = start + k, b = a + half;
                    float tr = wr * re[b] - wi * im[b];
                    float ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
            }
        }
        if (!inverse) return;
        float scale = 1f / n;
        for (int i = 0; i < n; i++) { re[i] *= scale; im[i] *= scale; }
    }

    /// <summary>
    /// The spans-1 and -2 stages in one pass over each group of four: their twiddles are 1 and ∓i, so they need no
    /// multiplications (as general scalar stages they were the costliest part of the small transforms the synthesiser runs).
    /// </summary>
    private void FirstTwoStages(Span<float> re, Span<float> im, float sign)
    {
        for (int a = 0; a + 3 < Size; a += 4)
        {
            // Span 1: (0, 1) and (2, 3) with twiddle 1.
            float r0 = re[a] + re[a + 1], i0 = im[a] + im[a + 1], r1 = re[a] - re[a + 1], i1 = im[a] - im[a + 1];
            float r2 = re[a + 2] + re[a + 3], i2 = im[a + 2] + im[a + 3], r3 = re[a + 2] - re[a + 3], i3 = im[a + 2] - im[a + 3];
            // Span 2: (0, 2) with twiddle 1, (1, 3) with twiddle sign·i: t = (−sign·i3, sign·r3).
            float tr = -sign * i3, ti = sign * r3;
            re[a] = r0 + r2; im[a] = i0 + i2;
            re[a + 2] = r0 - r2; im[a + 2] = i0 - i2;
            re[a + 1] = r1 + tr; im[a + 1] = i1 + ti;
            re[a + 3] = r1 - tr; im[a + 3] = i1 - ti;
        }
    }

    /// <summary>One radix-2 stage with butterflies half apart, a SIMD vector of them at a time.</summary>
    private void VectorStage(Span<float> re, Span<float> im, int half, float[] cos, float[] sin, float sign)
    {
        int width = Vector<float>.Count;
        Span<Vector<float>> vre = MemoryMarshal.Cast<float, Vector<float>>(re[..Size]), vim = MemoryMarshal.Cast<float, Vector<float>>(im[..Size]);
        ReadOnlySpan<Vector<float>> wcos = MemoryMarshal.Cast<float, Vector<float>>(cos), wsin = MemoryMarshal.Cast<float, Vector<float>>(sin);
        var signs = new Vector<float>(sign);
        int vhalf = half / width;
        for (int start = 0; start < Size / width; start += 2 * vhalf)
        {
            for (int k = 0; k < vhalf; k++)
            {
                Vector<float> wr = wcos[k], wi = wsin[k] * signs;
                int a = start + k, b = a + vhalf;
                Vector<float> br = vre[b], bi = vim[b];
                Vector<float> tr = wr * br - wi * bi, ti = wr * bi + wi * br;
                Vector<float> ar = vre[a], ai = vim[a];
                vre[b] = ar - tr;
                vim[b] = ai - ti;
                vre[a] = ar + tr;
                vim[a] = ai + ti;
            }
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
