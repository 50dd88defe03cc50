using System.Buffers.Binary;
using System.Text;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Protocol;

/// <summary>Valid, mutated and random packets from one seeded generator, for the fuzz test.</summary>
internal sealed class RandomPackets(int seed)
{
    private static readonly string[] Addresses =
    [
        .. GenWorldOscAddresses.Inputs.Select(i => i.Address), "/genworld/*/trigger", "/genworld/camera/{pose,velocity}",
        "/genworld/[a-z]ain", "/unknown", "/a/b/c/d", "/genworld/camera/pose/extra",
    ];

    private const string Tags = "ifsbTFNIhdtScrm";
    private readonly Random _random = new(seed);

    /// <summary>The next packet and what kind it is ("valid", "mutated", "random", "tags").</summary>
    public (string Kind, byte[] Bytes) Next() => _random.Next(10) switch
    {
        < 3 => ("valid", OscEncoder.Encode(Packet(0))),
        < 7 => ("mutated", Mutate(OscEncoder.Encode(Packet(0)))),
        < 9 => ("random", RandomBytes(_random.Next(0, 300))),
        _ => ("tags", RandomTags()),
    };

    private OscPacket Packet(int depth) => depth < 3 && _random.Next(4) == 0
        ? new OscBundle(new OscTimeTag((ulong)_random.NextInt64()), [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Packet(depth + 1))])
        : new OscMessage(Addresses[_random.Next(Addresses.Length)], [.. Enumerable.Range(0, _random.Next(0, 7)).Select(_ => Argument())]);

    private OscArgument Argument() => Tags[_random.Next(Tags.Length)] switch
    {
        'i' => OscArgument.Int32(_random.Next(-5, 100)),
        'f' => OscArgument.Float32((float)(_random.NextDouble() * 200 - 100)),
        's' => OscArgument.String(new string('s', _random.Next(0, 12))),
        'S' => OscArgument.Symbol("sym"),
        'b' => OscArgument.Blob(RandomBytes(_random.Next(0, 9))),
        'T' => OscArgument.Bool(true),
        'F' => OscArgument.Bool(false),
        'N' => OscArgument.Nil,
        'I' => OscArgument.Impulse,
        'h' => OscArgument.Int64(_random.NextInt64()),
        'd' => OscArgument.Float64(_random.NextDouble()),
        't' => OscArgument.Time(new OscTimeTag((ulong)_random.NextInt64())),
        char tag => OscArgument.Raw32(tag, (uint)_random.Next()),
    };

    private byte[] Mutate(byte[] bytes)
    {
        switch (_random.Next(5))
        {
            case 0:   // flip a few bytes
                for (int i = _random.Next(1, 5); i > 0 && bytes.Length > 0; i--) bytes[_random.Next(bytes.Length)] ^= (byte)_random.Next(1, 256);
                return bytes;
            case 1:   // cut, often on a 4-byte boundary so the decoder gets past the alignment check
                int cut = _random.Next(bytes.Length + 1);
                return bytes[..(_random.Next(2) == 0 ? cut & ~3 : cut)];
            case 2:   // append
                return [.. bytes, .. RandomBytes(_random.Next(1, 3) * 4)];
            case 3:   // overwrite one aligned word with a hostile size
                if (bytes.Length >= 4)
                    BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(_random.Next(bytes.Length / 4) * 4), _random.Next(3) switch { 0 => -1, 1 => int.MaxValue, _ => _random.Next(0, 64) });
                return bytes;
            default:  // wrap in bundles, sometimes past the depth limit
                for (int i = _random.Next(1, 12); i > 0; i--) bytes = [.. "#bundle\0"u8, 0, 0, 0, 0, 0, 0, 0, 1, .. Size(bytes.Length), .. bytes];
                return bytes;
        }
    }

    private byte[] RandomTags()
    {
        var tags = new StringBuilder(",");
        for (int i = _random.Next(0, 8); i > 0; i--) tags.Append((char)_random.Next(0x20, 0x7F));
        byte[] head = Encoding.ASCII.GetBytes("/genworld/gain\0\0" + tags + new string('\0', 4 - tags.Length % 4));
        return [.. head, .. RandomBytes(_random.Next(0, 6) * 4)];
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Size(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
