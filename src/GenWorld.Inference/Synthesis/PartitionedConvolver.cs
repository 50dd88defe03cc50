namespace GenWorld.Inference.Synthesis;

/// <summary>
/// Streaming causal convolution with a fixed impulse response by uniformly partitioned overlap-save: the response is
/// cut into partitions of <see cref="BlockSize"/> taps, each held as the spectrum of 2·BlockSize real points (BlockSize + 1
/// bins, <see cref="RealFft"/>), and every block of input costs one forward FFT, one complex multiply-add per partition
/// and one inverse FFT. Latency is one block; a large block (whole-clip rendering) and a small one (streaming) give the
/// same output to float rounding.
/// Process blocks of exactly BlockSize samples; state carries across calls until <see cref="Reset"/>.
/// </summary>
public sealed class PartitionedConvolver
{
    private readonly RealFft _fft;
    private readonly float[][] _partRe, _partIm;   // spectra of the response's partitions
    private readonly float[][] _histRe, _histIm;   // spectra of the last inputs, newest at _newest
    private readonly float[] _previous, _time, _re, _im, _accRe, _accIm;
    private int _newest;

    /// <summary>A convolver for <paramref name="impulse"/> working in blocks of <paramref name="blockSize"/> (a power of two).</summary>
    public PartitionedConvolver(ReadOnlySpan<float> impulse, int blockSize)
    {
        if (impulse.IsEmpty) throw new ArgumentException("the impulse response is empty.", nameof(impulse));
        BlockSize = blockSize;
        _fft = new RealFft(2 * blockSize);
        // Spectra of real signals: the blockSize + 1 bins from DC to Nyquist are all there is.
        int parts = (impulse.Length + blockSize - 1) / blockSize, n = blockSize + 1;
        _time = new float[2 * blockSize];
        _partRe = new float[parts][];
        _partIm = new float[parts][];
        for (int p = 0; p < parts; p++)
        {
            _partRe[p] = new float[n];
            _partIm[p] = new float[n];
            int count = Math.Min(blockSize, impulse.Length - p * blockSize);
            Array.Clear(_time);
            impulse.Slice(p * blockSize, count).CopyTo(_time);
            _fft.Forward(_time, _partRe[p], _partIm[p]);
        }
        _histRe = [.. Enumerable.Range(0, parts).Select(_ => new float[n])];
        _histIm = [.. Enumerable.Range(0, parts).Select(_ => new float[n])];
        _previous = new float[blockSize];
        _re = new float[n];
        _im = new float[n];
        _accRe = new float[n];
        _accIm = new float[n];
    }

    /// <summary>Samples per block.</summary>
    public int BlockSize { get; }

    /// <summary>Convolves one block of <see cref="BlockSize"/> samples (input and output may be the same span).</summary>
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        int b = BlockSize, n = b + 1, parts = _partRe.Length;
        if (input.Length != b || output.Length != b) throw new ArgumentException($"blocks must hold {b} samples.");
        // Overlap-save: transform [previous block | this block].
        _previous.CopyTo(_time.AsSpan(0, b));
        input.CopyTo(_time.AsSpan(b, b));
        input.CopyTo(_previous);
        _fft.Forward(_time, _re, _im);
        _newest = (_newest + parts - 1) % parts;
        _re.CopyTo(_histRe[_newest], 0);
        _im.CopyTo(_histIm[_newest], 0);
        Array.Clear(_accRe);
        Array.Clear(_accIm);
        for (int p = 0; p < parts; p++)
        {
            int h = (_newest + p) % parts;
            float[] xr = _histRe[h], xi = _histIm[h], hr = _partRe[p], hi = _partIm[p];
            for (int k = 0; k < n; k++)
            {
                _accRe[k] += xr[k] * hr[k] - xi[k] * hi[k];
                _accIm[k] += xr[k] * hi[k] + xi[k] * hr[k];
            }
        }
        _fft.Inverse(_accRe, _accIm, _time);
        _time.AsSpan(b, b).CopyTo(output);
    }

    /// <summary>Forgets all input (silence before the next block).</summary>
    public void Reset()
    {
        Array.Clear(_previous);
        foreach (float[] h in _histRe) Array.Clear(h);
        foreach (float[] h in _histIm) Array.Clear(h);
        _newest = 0;
    }
}
