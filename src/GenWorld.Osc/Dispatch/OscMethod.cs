using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Dispatch;

/// <summary>
/// A handler for one address. Returns false when the arguments do not fit (count, types, NaN); the dispatcher counts that
/// as <see cref="OscDropReason.BadArguments"/> instead of throwing, because bad input is routine on a network.
/// </summary>
public delegate bool OscMethod(OscMessage message);
