using System.Numerics;
using GenWorld.Osc.Control;

namespace GenWorld.Osc.Tests.Control;

/// <summary>Records every call the OSC input makes, in order, with its values.</summary>
internal sealed class RecordingControl : IOscWorldControl
{
    public List<(Vector3 Position, float Yaw, float Pitch)> Poses { get; } = [];
    public List<Vector3> Velocities { get; } = [];
    public List<string> GoTos { get; } = [];
    public List<int> Triggers { get; } = [];
    public List<bool> Attracts { get; } = [];
    public List<float> Gains { get; } = [];
    public List<string> Models { get; } = [];

    public int Calls => Poses.Count + Velocities.Count + GoTos.Count + Triggers.Count + Attracts.Count + Gains.Count + Models.Count;

    public void SetPose(Vector3 position, float yaw, float pitch) => Poses.Add((position, yaw, pitch));
    public void SetVelocity(Vector3 velocity) => Velocities.Add(velocity);
    public void GoTo(string labelOrFile) => GoTos.Add(labelOrFile);
    public void Trigger(int emitterId) => Triggers.Add(emitterId);
    public void SetAttract(bool on) => Attracts.Add(on);
    public void SetGain(float gain) => Gains.Add(gain);
    public void SwitchModel(string name) => Models.Add(name);
}
