using System.Buffers.Binary;
using System.Text;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Protocol;

/// <summary>One hand-made packet per drop reason: each is refused with that reason and nothing throws.</summary>
public class OscMalformedTests
{
    private static readonly byte[] Pose = OscEncoder.Encode(new OscMessage("/genworld/camera/pose",
        OscArgument.Float32(1), OscArgument.Float32(2), OscArgument.Float32(3), OscArgument.Float32(4), OscArgument.Float32(5)));

    public static TheoryData<string, byte[], OscDropReason> Cases => new()
    {
        { "empty", [], OscDropReason.Empty },
        { "length not a multiple of 4", Pose[..^1], OscDropReason.BadAlignment },
        { "cut inside the arguments", Pose[..^4], OscDropReason.Truncated },
        { "cut inside the type tags", Pose[..28], OscDropReason.Truncated },
        { "address without NUL", "/abc"u8.ToArray(), OscDropReason.Truncated },
        { "address without '/'", Encoding.ASCII.GetBytes("abc\0,i\0\0\0\0\0\u0001"), OscDropReason.BadAddress },
        { "control character in address", Encoding.ASCII.GetBytes("/a\u0001\0,\0\0\0"), OscDropReason.BadAddress },
        { "type tags without ','", Encoding.ASCII.GetBytes("/a\0\0iiii\0\0\0\0"), OscDropReason.BadTypeTag },
        { "unknown type tag", Encoding.ASCII.GetBytes("/a\0\0,x\0\0\0\0\0\0"), OscDropReason.BadTypeTag },
        { "array tags (unsupported)", Encoding.ASCII.GetBytes("/a\0\0,[i]\0\0\0\0\0\0\0\0"), OscDropReason.BadTypeTag },
        { "data left after the arguments", [.. Pose, 0, 0, 0, 0], OscDropReason.TrailingBytes },
        { "blob size past the end", Blob(1000, 4), OscDropReason.BadBlobSize },
        { "negative blob size", Blob(-4, 4), OscDropReason.BadBlobSize },
        { "64 KB string argument", LongString(65536), OscDropReason.StringTooLong },
        { "64 KB address", [.. Encoding.ASCII.GetBytes("/" + new string('a', 65535)), 0, 0, 0, 0], OscDropReason.StringTooLong },
        { "bundle without time tag", "#bundle\0"u8.ToArray(), OscDropReason.Truncated },
        { "bundle element of size 0", Bundle(0, []), OscDropReason.BadBundleElement },
        { "bundle element of size 6", Bundle(6, new byte[8]), OscDropReason.BadBundleElement },
        { "bundle element past the end", Bundle(64, Pose), OscDropReason.Truncated },
        { "bundle holding a bad message", Bundle(Pose.Length - 4, Pose[..^4]), OscDropReason.Truncated },
        { "recursion bomb, 1000 bundles deep", Nested(1000), OscDropReason.BundleTooDeep },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRefusedWithItsReason(string name, byte[] packet, OscDropReason expected)
    {
        bool decoded = OscDecoder.TryDecode(packet, out OscPacket? result, out OscDropReason reason);
        Assert.False(decoded, name);
        Assert.Null(result);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void BundlesUpToTheDepthLimitDecode()
    {
        Assert.True(OscDecoder.TryDecode(Nested(OscDecodeLimits.Default.MaxBundleDepth), out _, out _));
        Assert.False(OscDecoder.TryDecode(Nested(OscDecodeLimits.Default.MaxBundleDepth + 1), out _, out OscDropReason reason));
        Assert.Equal(OscDropReason.BundleTooDeep, reason);
    }

    [Fact]
    public void DropReasonsHaveShortNames() => Assert.Equal("bad-type-tag", OscStats.Name(OscDropReason.BadTypeTag));

    private static byte[] Blob(int size, int bytesAfter)
    {
        byte[] head = Encoding.ASCII.GetBytes("/b\0\0,b\0\0");
        var packet = new byte[head.Length + 4 + bytesAfter];
        head.CopyTo(packet, 0);
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(head.Length), size);
        return packet;
    }

    private static byte[] LongString(int length)
    {
        byte[] head = Encoding.ASCII.GetBytes("/genworld/goto\0\0,s\0\0");
        return [.. head, .. Enumerable.Repeat((byte)'x', length), 0, 0, 0, 0];
    }

    private static byte[] Bundle(int declaredSize, byte[] element)
    {
        var packet = new byte[16 + 4 + element.Length];
        "#bundle\0"u8.CopyTo(packet);
        packet[15] = 1;
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(16), declaredSize);
        element.CopyTo(packet, 20);
        return packet;
    }

    /// <summary>A message wrapped in <paramref name="depth"/> bundles.</summary>
    internal static byte[] Nested(int depth)
    {
        byte[] packet = OscEncoder.Encode(new OscMessage("/x"));
        for (int i = 0; i < depth; i++) packet = Bundle(packet.Length, packet);
        return packet;
    }
}
