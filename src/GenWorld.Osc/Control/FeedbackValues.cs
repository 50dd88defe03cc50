using System.Numerics;

namespace GenWorld.Osc.Control;

/// <summary>The listener as the feedback stream reports it, in world units (radians, as <see cref="IOscWorldControl"/>).</summary>
/// <param name="Position">Where the listener is (u).</param>
/// <param name="Yaw">Yaw in radians; 0 looks along −Z.</param>
/// <param name="Pitch">Pitch in radians; positive looks up.</param>
public readonly record struct ListenerFeedback(Vector3 Position, float Yaw, float Pitch);

/// <summary>One nearby emitter as the feedback stream reports it.</summary>
/// <param name="Id">Stable emitter id (the anchor index).</param>
/// <param name="Label">Its label (instrument family, sound class).</param>
/// <param name="Distance">Distance to the listener (u).</param>
/// <param name="Gain">Its current gain, 0..1.</param>
/// <param name="Latent">Its latent vector; sent as trailing floats (easier than a blob in Max, Pd and TouchDesigner).</param>
public readonly record struct EmitterFeedback(int Id, string Label, float Distance, float Gain, ReadOnlyMemory<float> Latent);
