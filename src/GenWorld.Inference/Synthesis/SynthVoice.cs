using System.Numerics;

namespace GenWorld.Inference.Synthesis;

/// <summary>
/// One sound of a <see cref="HarmonicNoiseSynthesizer"/> rendered block by block with continuous state: each partial is
/// a phasor rotated once per sample and re-seeded from the exact phase k·f0·n/rate (double precision) at every block and
/// frame start, so phase never drifts and a block edge is invisible; the noise overlap-add and the impulse response's
/// partitioned convolution carry their tails across blocks. Not thread-safe (one voice, one thread).
/// </summary>
public sealed class SynthVoice
{
    private readonly HarmonicNoiseSynthesizer _synth;
    private readonly float[] _controls;
    private readonly ulong _seed;
    private readonly int _partials, _lanes;
    private readonly double[] _cyclesPerSample;
    private readonly float[] _rotRe, _rotIm, _re, _im, _amp, _slope;
    private readonly float[] _ola, _frameRe, _frameIm, _frame, _bands, _bins, _dry;
    private readonly PartitionedConvolver _convolver;
    private readonly Vector<float>[] _acc;
    private readonly int[] _liveGroups;
    private const float SilentPartial = 2e-7f; // just above the control network's floor of 1e-7
    private long _position, _nextNoiseFrame, _olaStart;

    /// <summary>A voice for one clip's controls; blocks of <paramref name="blockSize"/> samples (a power of two).</summary>
    public SynthVoice(HarmonicNoiseSynthesizer synth, ReadOnlySpan<float> controls, double? f0, ulong seed, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(synth);
        if (controls.Length != synth.ControlsSize) throw new ArgumentException($"controls hold {controls.Length} values, the synthesiser needs {synth.ControlsSize}.", nameof(controls));
        if (f0 is { } hz && !(hz is > 0 and < 100_000)) throw new ArgumentOutOfRangeException(nameof(f0), f0, "f0 must be a positive frequency in Hz.");
        _synth = synth;
        _controls = controls.ToArray();
        _seed = seed;
        var file = synth.File;
        // Partials k = 1, 2, ... with k·f0 below 0.48·rate (the trainer's mask), at most Harmonics of them.
        _partials = f0 is { } f && file.Harmonics > 0 ? Math.Clamp((int)Math.Ceiling(0.48 * file.SampleRate / f) - 1, 0, file.Harmonics) : 0;
        int width = Vector<float>.Count;
        _lanes = (_partials + width - 1) / width * width;
        _cyclesPerSample = new double[_lanes];
        _rotRe = new float[_lanes];
        _rotIm = new float[_lanes];
        for (int k = 0; k < _partials; k++)
        {
            _cyclesPerSample[k] = f0!.Value * (k + 1) / file.SampleRate;
            (double s, double c) = Math.SinCos(2 * Math.PI * _cyclesPerSample[k]);
            _rotRe[k] = (float)c;
            _rotIm[k] = (float)s;
        }
        _re = new float[_lanes];
        _im = new float[_lanes];
        _amp = new float[_lanes];
        _slope = new float[_lanes];
        _ola = new float[file.NoiseFftSize + 2 * blockSize];
        _frameRe = new float[file.NoiseFftSize / 2 + 1];
        _frameIm = new float[file.NoiseFftSize / 2 + 1];
        _frame = new float[file.NoiseFftSize];
        _bands = new float[file.NoiseBands];
        _bins = new float[file.NoiseFftSize / 2 + 1];
        _dry = new float[blockSize];
        _acc = new Vector<float>[file.Hop];
        _liveGroups = new int[_lanes / width + 1];
        _convolver = new PartitionedConvolver(file.Impulse, blockSize);
        BlockSize = blockSize;
        _olaStart = 0;
    }

    /// <summary>Samples per <see cref="Render"/> call.</summary>
    public int BlockSize { get; }

    /// <summary>Samples rendered so far.</summary>
    public long Position => _position;

    /// <summary>True once the clip's length has been rendered (later blocks are silence).</summary>
    public bool Finished => _position >= _synth.ClipLength;

    /// <summary>Renders the next <see cref="BlockSize"/> samples into <paramref name="output"/>.</summary>
    public void Render(Span<float> output)
    {
        if (output.Length != BlockSize) throw new ArgumentException($"blocks hold {BlockSize} samples.", nameof(output));
        long n0 = _position, clip = _synth.ClipLength;
        Array.Clear(_dry);
        int live = (int)Math.Clamp(clip - n0, 0, BlockSize);
        if (live > 0)
        {
            Partials(n0, live);
            Noise(n0, live);
        }
        _convolver.Process(_dry, output);
        if (live < BlockSize) output[live..].Clear();
        _position += BlockSize;
    }

    /// <summary>Adds the partials for samples [n0, n0 + count) into the dry buffer, one control frame segment at a time.</summary>
    private void Partials(long n0, int count)
    {
        if (_partials == 0) return;
        var file = _synth.File;
        int hop = file.Hop, frames = file.Frames, width = Vector<float>.Count;
        int done = 0;
        while (done < count)
        {
            long n = n0 + done;
            int j = (int)(n / hop), next = Math.Min(j + 1, frames - 1);
            int inFrame = (int)(n - (long)j * hop), length = Math.Min(count - done, hop - inFrame);
            for (int k = 0; k < _partials; k++)
            {
                float a = _controls[k * frames + j], b = _controls[k * frames + next];
                _slope[k] = (b - a) / hop;
                _amp[k] = a + _slope[k] * inFrame;
                double cycles = _cyclesPerSample[k] * n;
                (double s, double c) = Math.SinCos(2 * Math.PI * (cycles - Math.Floor(cycles)));
                _re[k] = (float)c;
                _im[k] = (float)s;
            }
            Span<float> dry = _dry.AsSpan(done, length);
            Span<Vector<float>> acc = _acc.AsSpan(0, length);
            acc.Clear();
            // A lane group the network has turned off (every partial at the exp-sigmoid floor in both frames) adds under
            // 1e-5 in all and is skipped; the phases of the next frame are re-seeded exactly anyway.
            int live = 0;
            for (int k = 0; k < _lanes; k += width)
                if (!Silent(k, j, next, frames)) _liveGroups[live++] = k;
            // Two groups at a time: each phasor's rotation waits on its own last product, so two independent chains in
            // one loop keep the multipliers busy where one chain would leave them idle half the time.
            int g = 0;
            for (; g + 1 < live; g += 2) AddGroups(acc, _liveGroups[g], _liveGroups[g + 1]);
            if (g < live) AddGroup(acc, _liveGroups[g]);
            for (int t = 0; t < length; t++) dry[t] += Vector.Sum(acc[t]);
            done += length;
        }
    }

    /// <summary>Adds the partials of lane group <paramref name="k"/> over the segment into <paramref name="acc"/>, advancing their phasors.</summary>
    private void AddGroup(Span<Vector<float>> acc, int k)
    {
        // The group's phasors, amplitudes and rotation stay in registers; each sample adds a vector of products to the
        // accumulator, summed across lanes once per sample by the caller.
        var re = new Vector<float>(_re, k);
        var im = new Vector<float>(_im, k);
        var amp = new Vector<float>(_amp, k);
        var slope = new Vector<float>(_slope, k);
        var rr = new Vector<float>(_rotRe, k);
        var ri = new Vector<float>(_rotIm, k);
        for (int t = 0; t < acc.Length; t++)
        {
            acc[t] += amp * im;
            var nextRe = re * rr - im * ri;
            im = re * ri + im * rr;
            re = nextRe;
            amp += slope;
        }
    }

    /// <summary><see cref="AddGroup"/> for groups <paramref name="k1"/> and <paramref name="k2"/> in one pass (two independent phasor chains).</summary>
    private void AddGroups(Span<Vector<float>> acc, int k1, int k2)
    {
        var re1 = new Vector<float>(_re, k1);
        var im1 = new Vector<float>(_im, k1);
        var amp1 = new Vector<float>(_amp, k1);
        var slope1 = new Vector<float>(_slope, k1);
        var rr1 = new Vector<float>(_rotRe, k1);
        var ri1 = new Vector<float>(_rotIm, k1);
        var re2 = new Vector<float>(_re, k2);
        var im2 = new Vector<float>(_im, k2);
        var amp2 = new Vector<float>(_amp, k2);
        var slope2 = new Vector<float>(_slope, k2);
        var rr2 = new Vector<float>(_rotRe, k2);
        var ri2 = new Vector<float>(_rotIm, k2);
        for (int t = 0; t < acc.Length; t++)
        {
            acc[t] += (amp1 * im1) + (amp2 * im2);
            var nextRe1 = re1 * rr1 - im1 * ri1;
            var nextRe2 = re2 * rr2 - im2 * ri2;
            im1 = re1 * ri1 + im1 * rr1;
            im2 = re2 * ri2 + im2 * rr2;
            re1 = nextRe1;
            re2 = nextRe2;
            amp1 += slope1;
            amp2 += slope2;
        }
    }

    /// <summary>True when partials [k, k + vector width) sit at the amplitude floor in frames j and next.</summary>
    private bool Silent(int k, int j, int next, int frames)
    {
        for (int p = k; p < Math.Min(k + Vector<float>.Count, _partials); p++)
            if (_controls[p * frames + j] > SilentPartial || _controls[p * frames + next] > SilentPartial) return false;
        return true;
    }

    /// <summary>Adds every noise frame that starts before the block's end into the overlap-add buffer, then the block's share into the dry buffer.</summary>
    private void Noise(long n0, int count)
    {
        var file = _synth.File;
        int nfft = file.NoiseFftSize, hn = nfft / 4, half = nfft / 2, bins = half + 1, frames = file.Frames, h = file.Harmonics;
        long end = n0 + count;
        while ((long)_nextNoiseFrame * hn - half < end)
        {
            long m = _nextNoiseFrame++;
            double pos = Math.Clamp((double)m * hn / file.Hop, 0, frames - 1);
            int left = Math.Min((int)pos, frames - 2);
            float frac = (float)(pos - left);
            for (int b = 0; b < _bands.Length; b++)
            {
                float lo = _controls[(h + b) * frames + left], hi = _controls[(h + b) * frames + left + 1];
                _bands[b] = lo + (hi - lo) * frac;
            }
            _synth.BinMagnitudes(_bands, _bins);
            ReadOnlySpan<float> g = GaussianTable.Window(_seed, m, 2 * bins);
            for (int k = 0; k < bins; k++)
            {
                _frameRe[k] = _bins[k] * g[2 * k];
                _frameIm[k] = _bins[k] * g[2 * k + 1];
            }
            // A real signal's spectrum: the imaginary parts of DC and Nyquist are dropped (the inverse ignores them).
            _synth.NoiseFft.Inverse(_frameRe, _frameIm, _frame);
            long start = m * hn - half;
            float[] window = _synth.Window;
            for (int i = 0; i < nfft; i++)
            {
                long at = start + i - _olaStart;
                if (at >= 0) _ola[at] += _frame[i] * window[i];
            }
        }
        float gain = 1f / Core.Dsp.NoiseBandLayout.OverlapGain;
        int offset = (int)(n0 - _olaStart);
        for (int t = 0; t < count; t++) _dry[t] += _ola[offset + t] * gain;
        // Slide the buffer so it starts at the next block.
        int shift = offset + count;
        Array.Copy(_ola, shift, _ola, 0, _ola.Length - shift);
        Array.Clear(_ola, _ola.Length - shift, shift);
        _olaStart += shift;
    }
}
