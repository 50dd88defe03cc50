using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;
using GenWorld.Host;
using GenWorld.Host.Clocks;
using GenWorld.Host.Surfaces;
using GenWorld.World;
using GenWorld.World.Cameras;

// A headless game loop on the GenWorld packages: the notes field orbited for 3 s at 30 fps on a fixed-step clock, no
// picture (null surface), the spatial mix rendered through OpenAL's loopback device and written as a WAV.
// Usage: HeadlessConsumer [MODEL_FOLDER] [OUT_WAV]; exits 1 when nothing was heard.
string model = args.Length > 0 ? args[0] : "models/notes-vae";
string wav = args.Length > 1 ? args[1] : "headless-consumer.wav";
const int Fps = 30, Seconds = 3, Rate = 48000;

using LatentWorld world = LatentWorld.Open(model, new LatentWorldOptions { OutputSampleRate = Rate, Log = _ => { } });
using var audio = OpenAlAudioOutput.CreateLoopback(Rate);
var clock = new FixedStepClock(Fps);
var orbit = new OrbitCamera(Vector3.Zero, Radius: 12f, Height: 3f, Period: 20);
var mix = new List<float>();
using (var host = new WorldHost(world, clock, new NullSurface(), audio, new WorldHostOptions { WaitForContent = true }))
{
    for (int f = 0; f < Fps * Seconds; f++)
    {
        host.Step((t, _) => orbit.At(t));
        mix.AddRange(audio.Loopback!.Render(clock.SamplesInFrame(Rate)));
    }
}
WavFile.Write(wav, new AudioClip([.. mix], 2, Rate));
double rms = Math.Sqrt(mix.Average(v => (double)v * v));
WorldStats stats = world.Stats;
Console.WriteLine($"{Fps * Seconds} frames, {stats.Emitters} emitters, sound p99 {stats.LatencyP99Ms:F0} ms; mix RMS {rms:F4} -> {wav}");
return rms > 1e-4 ? 0 : 1;
