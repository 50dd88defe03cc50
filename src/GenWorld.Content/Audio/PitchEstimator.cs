namespace GenWorld.Content.Audio;

/// <summary>Fundamental frequency by the YIN method (cumulative mean normalised difference), robust to strong harmonics.</summary>
public static class PitchEstimator
{
    /// <summary>
    /// Estimates f0 in Hz over a window starting at <paramref name="startSeconds"/>, searching [minHz, maxHz];
    /// returns null when the window is too short or nothing periodic is found.
    /// </summary>
    public static double? Yin(float[] samples, int rate, double minHz = 40, double maxHz = 2000, double startSeconds = 0.1, double threshold = 0.15)
    {
        var maxLag = (int)(rate / minHz);
        var minLag = Math.Max(2, (int)(rate / maxHz));
        var window = Math.Max(2 * maxLag, rate / 10);
        var start = (int)(startSeconds * rate);
        if (start + window + maxLag > samples.Length) start = Math.Max(0, samples.Length - window - maxLag);
        if (start + window + maxLag > samples.Length) return null;
        var d = new double[maxLag + 1];
        for (var tau = 1; tau <= maxLag; tau++)
        {
            double sum = 0;
            for (var i = start; i < start + window; i++)
            {
                var diff = samples[i] - samples[i + tau];
                sum += diff * diff;
            }
            d[tau] = sum;
        }
        var cmnd = new double[maxLag + 1];
        double running = 0;
        cmnd[0] = 1;
        for (var tau = 1; tau <= maxLag; tau++)
        {
            running += d[tau];
            cmnd[tau] = running > 0 ? d[tau] * tau / running : 1;
        }
        var best = -1;
        for (var tau = minLag; tau <= maxLag; tau++)
        {
            if (cmnd[tau] >= threshold) continue;
            while (tau + 1 <= maxLag && cmnd[tau + 1] < cmnd[tau]) tau++;
            best = tau;
            break;
        }
        if (best < 0) return null;
        // Parabolic interpolation between neighbouring lags for sub-sample accuracy.
        double shift = 0;
        if (best > minLag && best < maxLag)
        {
            var (a, b, c) = (cmnd[best - 1], cmnd[best], cmnd[best + 1]);
            var denom = a - 2 * b + c;
            if (Math.Abs(denom) > 1e-12) shift = 0.5 * (a - c) / denom;
        }
        return rate / (best + shift);
    }
}
