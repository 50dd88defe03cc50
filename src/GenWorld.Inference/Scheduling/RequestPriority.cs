namespace GenWorld.Inference.Scheduling;

/// <summary>Order in which waiting work is batched; every request outranks every prefetch hint.</summary>
public enum RequestPriority
{
    /// <summary>Needed now (the visitor is at it).</summary>
    High = 0,

    /// <summary>Default.</summary>
    Normal = 1,

    /// <summary>Wanted, but after everything else.</summary>
    Low = 2,
}
