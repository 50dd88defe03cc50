namespace GenWorld.Core.Diagnostics;

/// <summary>One row of <c>genworld info</c>: what was checked, what was found, and whether it works.</summary>
/// <param name="Area">Group shown in the table (System, ONNX Runtime, TorchSharp, OpenGL, OpenAL).</param>
/// <param name="Name">What was checked.</param>
/// <param name="Value">What was found (a version, a device name, or the reason it failed).</param>
/// <param name="Ok">Whether the capability works here.</param>
public sealed record ProbeResult(string Area, string Name, string Value, bool Ok);
