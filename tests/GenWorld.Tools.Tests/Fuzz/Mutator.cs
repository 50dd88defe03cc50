using System.Text;

namespace GenWorld.Tools.Tests.Fuzz;

/// <summary>
/// Seeded mutations of a valid file: bit flips, overwritten runs, truncation, duplication, and, for JSON, values swapped
/// for the ones that break naive readers (huge, negative, NaN, null, wrong types, deep nesting).
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] JsonValues =
    [
        "null", "-1", "0", "2000000000", "-2147483649", "1e308", "-1e308", "1.5", "\"NaN\"", "\"\"", "\"x\"", "[]", "{}", "true",
        "[1e308, -1e308, 0]", "\"" + new string('a', 5000) + "\"", new string('[', 300) + new string(']', 300), "9223372036854775808",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] seedBytes, bool json)
    {
        if (json && _random.Next(3) > 0) return Encoding.UTF8.GetBytes(MutateJson(Encoding.UTF8.GetString(seedBytes)));
        byte[] b = [.. seedBytes];
        switch (_random.Next(6))
        {
            case 0: // flip a few bits
                for (int i = 0, n = 1 + _random.Next(8); i < n && b.Length > 0; i++) b[_random.Next(b.Length)] ^= (byte)(1 << _random.Next(8));
                return b;
            case 1: // overwrite a run with extreme bytes (header fields: sizes, rates, counts)
                if (b.Length == 0) return b;
                int at = _random.Next(b.Length);
                byte fill = _random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => 0x7F };
                for (int i = at; i < Math.Min(b.Length, at + 1 + _random.Next(8)); i++) b[i] = fill;
                return b;
            case 2: // truncate
                return b[..(b.Length == 0 ? 0 : _random.Next(b.Length))];
            case 3: // random bytes of the same length
                _random.NextBytes(b);
                return b;
            case 4: // duplicate a slice in the middle
                if (b.Length < 2) return b;
                int from = _random.Next(b.Length), len = _random.Next(Math.Min(4096, b.Length - from));
                return [.. b[..from], .. b.AsSpan(from, len), .. b[from..]];
            default: // a 32-bit field set to an extreme value
                if (b.Length < 4) return b;
                int p = _random.Next(b.Length - 3);
                BitConverter.TryWriteBytes(b.AsSpan(p), _random.Next(4) switch { 0 => int.MaxValue, 1 => int.MinValue, 2 => 1, _ => -1 });
                return b;
        }
    }

    // Replace one scalar value (a number, string, true/false/null) or a whole [...] with a hostile value.
    private string MutateJson(string text)
    {
        var spots = new List<(int Start, int Length)>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' || text[i] == '[' || text[i] == ',')
            {
                int s = i + 1;
                while (s < text.Length && char.IsWhiteSpace(text[s])) s++;
                int e = s;
                if (e < text.Length && text[e] == '"') { e++; while (e < text.Length && text[e] != '"') e++; e++; }
                else while (e < text.Length && text[e] is not (',' or '}' or ']') && !char.IsWhiteSpace(text[e])) e++;
                if (e > s && e <= text.Length) spots.Add((s, e - s));
            }
        }
        if (spots.Count == 0) return text;
        (int start, int length) = spots[_random.Next(spots.Count)];
        return text[..start] + JsonValues[_random.Next(JsonValues.Length)] + text[(start + length)..];
    }
}
