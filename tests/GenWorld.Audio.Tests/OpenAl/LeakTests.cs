using System.Numerics;
using GenWorld.Audio.Efx;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;

namespace GenWorld.Audio.Tests;

[Collection(OpenAlCollection.Name)]
public sealed class LeakTests
{
    [Fact]
    public void Objects_disposed_in_any_order_leave_nothing_alive()
    {
        Assert.Equal("none", AlLiveObjects.Describe());
        var rig = new LoopbackRig();
        AlBuffer buffer = rig.Context.CreateBuffer();
        buffer.Upload(new short[] { 0, 1000, 0, -1000 }, 2, 48000);
        AlSource source = rig.Context.CreateSource();
        source.Buffer = buffer;
        source.Play();
        AlReverbEffect reverb = AlReverbEffect.Create(rig.Context);
        AlEffectSlot slot = AlEffectSlot.Create(rig.Context);
        slot.Effect = reverb;
        source.SendTo(slot);
        Assert.Equal(6, AlLiveObjects.Count); // device, context, buffer, source, effect, slot

        // Out of order on purpose: AL refuses to delete in-use buffers and slots, the wrappers detach first.
        buffer.Dispose();
        slot.Dispose();
        Assert.Null(source.Buffer);
        Assert.Equal(4, AlLiveObjects.Count);
        rig.Dispose();

        Assert.Equal(0, AlLiveObjects.Count);
        Assert.Equal("none", AlLiveObjects.Describe());
    }

    [Fact]
    public void Output_dispose_frees_its_sounds_and_voices()
    {
        IAudioOutput output = OpenAlAudioOutput.CreateLoopback();
        IAudioSound sound = output.Load(new AudioClip(new float[4800], 1, 48000));
        output.Play(sound, new VoiceSettings(new Vector3(0, 0, -1), Looping: true));
        Assert.Equal(4, AlLiveObjects.Count);
        output.Dispose();
        Assert.Equal(0, AlLiveObjects.Count);
    }
}
