using Xunit.Abstractions;
using GenWorld.Audio.Native;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;
using GenWorld.Core.Native;

namespace GenWorld.Audio.Tests;

[Collection(OpenAlCollection.Name)]
public sealed class DefaultOutputTests(ITestOutputHelper log)
{
    private static readonly NativeLibraryInfo Missing = new("libgenworld-missing-openal.so.7", "genworld-fake-openal-pkg", "a test");

    [Fact]
    public void Default_output_works_and_logs_one_line_only_when_it_falls_back()
    {
        var lines = new List<string>();
        using IAudioOutput output = AudioOutputs.OpenDefault(lines.Add);
        log.WriteLine($"{output.DeviceName}: {string.Join(" | ", lines)}");

        if (output.IsAudible)
        {
            Assert.Empty(lines);
        }
        else
        {
            string line = Assert.Single(lines);
            Assert.StartsWith("audio: ", line, StringComparison.Ordinal);
            // With no sound card OpenAL Soft's null backend is chosen before init, so the device is "No Output".
            if (AlDriverSelection.FindOutputHardware() is null)
            {
                Assert.Contains(AlDevice.NullOutputName, output.DeviceName);
                Assert.Contains("no sound card", line);
            }
        }

        using IAudioSound sound = output.Load(new AudioClip(Signals.Sine(440, 4800), 1, Signals.Rate));
        using IAudioVoice voice = output.Play(sound, new VoiceSettings(new System.Numerics.Vector3(1, 0, -1), Looping: true));
        Assert.True(voice.IsPlaying);
        voice.Stop();
        Assert.False(voice.IsPlaying);
    }

    [Fact]
    public void Missing_library_error_names_the_debian_package()
    {
        var e = Assert.Throws<MissingNativeLibraryException>(() => OpenAlLibrary.Load(Missing));
        Assert.Contains("apt-get install genworld-fake-openal-pkg", e.Message);
        Assert.Contains(Missing.SoName, e.Message);
    }

    [Fact]
    public void Missing_library_falls_back_to_silence_with_one_line_naming_the_package()
    {
        var lines = new List<string>();
        using IAudioOutput output = AudioOutputs.OpenDefault(lines.Add, () => OpenAlLibrary.Load(Missing));
        Assert.IsType<NullAudioOutput>(output);
        Assert.False(output.IsAudible);
        Assert.Contains("genworld-fake-openal-pkg", Assert.Single(lines));
    }
}
