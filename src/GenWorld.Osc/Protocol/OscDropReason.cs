namespace GenWorld.Osc.Protocol;

/// <summary>Why a packet or message was dropped; every drop is counted under one reason (see <c>OscStats</c>).</summary>
public enum OscDropReason
{
    /// <summary>Not dropped.</summary>
    None,
    /// <summary>A zero-length datagram.</summary>
    Empty,
    /// <summary>The packet (or a bundle element) is not a multiple of 4 bytes long, as every OSC packet must be.</summary>
    BadAlignment,
    /// <summary>The data ends inside a string, number, blob or bundle element.</summary>
    Truncated,
    /// <summary>A string is longer than the decoder's limit (a 64 KB "label" is an attack or a bug, not a label).</summary>
    StringTooLong,
    /// <summary>The address does not start with '/' or holds non-printable characters.</summary>
    BadAddress,
    /// <summary>The type tag string does not start with ',' or names a type this decoder cannot size.</summary>
    BadTypeTag,
    /// <summary>A blob's size is negative or runs past the end.</summary>
    BadBlobSize,
    /// <summary>A bundle element size is zero, negative or not a multiple of 4.</summary>
    BadBundleElement,
    /// <summary>Bundles nested deeper than the limit (a recursion bomb).</summary>
    BundleTooDeep,
    /// <summary>Bytes are left after the last argument: the type tags and the data disagree.</summary>
    TrailingBytes,
    /// <summary>No handler matched the address pattern.</summary>
    UnknownAddress,
    /// <summary>A handler matched but the arguments have the wrong count, types or values (e.g. NaN).</summary>
    BadArguments,
    /// <summary>A handler threw; the message is dropped and the frame loop goes on.</summary>
    HandlerFailed,
    /// <summary>The receive queue was full: the frame loop drains slower than packets arrive.</summary>
    QueueFull,
    /// <summary>A bundle's time tag is further in the future than the scheduling horizon.</summary>
    TooFarInFuture,
    /// <summary>Too many future bundles are already waiting.</summary>
    ScheduleFull,
    /// <summary>The socket reported an error for this datagram.</summary>
    SocketError,
}
