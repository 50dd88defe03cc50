using System.Buffers;

namespace GenWorld.Osc.Dispatch;

/// <summary>
/// OSC 1.0 address pattern matching: <c>?</c> one character, <c>*</c> any run of characters, <c>[a-z]</c> / <c>[!0-9]</c>
/// character classes with ranges and negation, <c>{foo,bar}</c> alternatives. None of them matches '/', so wildcards stay
/// inside one part of the address, as the spec says. (OSC 1.1's <c>//</c> descendant wildcard is not supported.)
/// Patterns come from the network, so backtracking is memoised per (pattern, address) position: a hostile
/// <c>*a*a*a*a…b</c> costs at most pattern × address steps per star, never exponential time.
/// </summary>
public static class OscAddressPattern
{
    /// <summary>Longer patterns match nothing: no real address is this long, and it bounds the matcher's work.</summary>
    public const int MaxPatternLength = 1024;

    private static readonly SearchValues<char> Special = SearchValues.Create("*?[]{}");

    /// <summary>Whether the string uses any pattern character (if not, it can only match itself).</summary>
    public static bool HasWildcards(string pattern) => pattern.AsSpan().ContainsAny(Special);

    /// <summary>Whether <paramref name="pattern"/> matches the concrete <paramref name="address"/>.</summary>
    public static bool IsMatch(string pattern, string address)
    {
        if (!HasWildcards(pattern)) return string.Equals(pattern, address, StringComparison.Ordinal);
        if (pattern.Length > MaxPatternLength) return false;
        var failed = new bool[(pattern.Length + 1) * (address.Length + 1)];
        return Match(pattern, 0, address, 0, failed);
    }

    private static bool Match(string pattern, int p, string address, int a, bool[] failed)
    {
        while (p < pattern.Length)
        {
            char c = pattern[p];
            switch (c)
            {
                case '*':
                case '{':
                    int state = p * (address.Length + 1) + a;
                    if (failed[state]) return false;
                    bool matched = c == '*' ? MatchStar(pattern, p, address, a, failed) : MatchAlternatives(pattern, p, address, a, failed);
                    failed[state] = !matched;
                    return matched;
                case '?':
                    if (a == address.Length || address[a] == '/') return false;
                    break;
                case '[':
                    int close = pattern.IndexOf(']', p + 1);
                    if (close < 0 || a == address.Length || address[a] == '/') return false;
                    if (!InClass(pattern.AsSpan(p + 1, close - p - 1), address[a])) return false;
                    p = close;
                    break;
                default:
                    if (a == address.Length || address[a] != c) return false;
                    break;
            }
            p++;
            a++;
        }
        return a == address.Length;
    }

    private static bool MatchStar(string pattern, int p, string address, int a, bool[] failed)
    {
        while (p < pattern.Length && pattern[p] == '*') p++;
        for (int end = a; end <= address.Length; end++)
        {
            if (Match(pattern, p, address, end, failed)) return true;
            if (end < address.Length && address[end] == '/') return false;   // a star never eats a '/'
        }
        return false;
    }

    private static bool MatchAlternatives(string pattern, int p, string address, int a, bool[] failed)
    {
        int close = pattern.IndexOf('}', p + 1);
        if (close < 0) return false;
        ReadOnlySpan<char> rest = address.AsSpan(a);
        foreach (Range r in pattern.AsSpan(p + 1, close - p - 1).Split(','))
        {
            ReadOnlySpan<char> option = pattern.AsSpan(p + 1, close - p - 1)[r];
            if (option.Contains('/') || !rest.StartsWith(option, StringComparison.Ordinal)) continue;
            if (Match(pattern, close + 1, address, a + option.Length, failed)) return true;
        }
        return false;
    }

    /// <summary>Class body without brackets: leading '!' negates, "x-y" is a range, a '-' first or last is literal.</summary>
    private static bool InClass(ReadOnlySpan<char> body, char c)
    {
        bool negate = body.Length > 0 && body[0] == '!';
        if (negate) body = body[1..];
        bool found = false;
        for (int i = 0; i < body.Length && !found; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                found = c >= body[i] && c <= body[i + 2];
                i += 2;
            }
            else
            {
                found = c == body[i];
            }
        }
        return found != negate;
    }
}
