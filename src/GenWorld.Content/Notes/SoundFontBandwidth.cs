using System.Buffers.Binary;
using System.Text;

namespace GenWorld.Content.Notes;

/// <summary>
/// How far up the spectrum a General MIDI SoundFont (SF2) note can reach: the font's presets are resolved to the samples
/// that sound for a program, key and velocity (bank 0, preset and instrument zones with their key and velocity ranges),
/// and each sample's rate is moved by the transposition it is played at. Why: a GM font holds many samples recorded at
/// 22–32 kHz (FluidR3: 42 % of its samples, TimGM6mb: 36 %, some at 12 kHz); a note played from one has nothing above
/// half that rate times 2^(semitones up / 12), so it cannot be the full-band reference a 48 kHz model is judged against,
/// whatever rate fluidsynth renders at. Read from the file alone (no rendering); SF3's compressed samples keep the same
/// headers.
/// </summary>
public sealed class SoundFontBandwidth
{
    // SF2 generator operators (SoundFont 2.04, section 8.1.3).
    private const int CoarseTune = 51, FineTune = 52, KeyRange = 43, VelRange = 44, Instrument = 41, SampleId = 53, ScaleTuning = 56, RootKeyOverride = 58;

    private readonly Dictionary<int, List<Zone>> _presets = [];

    private SoundFontBandwidth() { }

    /// <summary>One sample that sounds in a key and velocity range, at its rate, root key and tuning (semitones).</summary>
    private sealed record Zone(int KeyLow, int KeyHigh, int VelLow, int VelHigh, int SampleRate, int RootKey, double Tune, double ScaleCents);

    /// <summary>Bank-0 programs the font defines.</summary>
    public IReadOnlyCollection<int> Programs => _presets.Keys;

    /// <summary>
    /// The rate a note's richest sample amounts to at <paramref name="key"/>: its sample rate × 2^(transposition / 12),
    /// the highest over the samples that sound (layers), or null when no sample sounds. Half of it is where the note's
    /// content ends.
    /// </summary>
    public double? EffectiveRate(int program, int key, int velocity)
    {
        if (!_presets.TryGetValue(program, out List<Zone>? zones)) return null;
        double? best = null;
        foreach (Zone z in zones)
        {
            if (key < z.KeyLow || key > z.KeyHigh || velocity < z.VelLow || velocity > z.VelHigh) continue;
            double semitones = ((key - z.RootKey) * z.ScaleCents / 100) + z.Tune;
            double rate = z.SampleRate * Math.Pow(2, semitones / 12);
            if (best is null || rate > best) best = rate;
        }
        return best;
    }

    /// <summary>Reads the preset, instrument and sample headers of an SF2/SF3 file.</summary>
    /// <exception cref="InvalidDataException">The file is not a SoundFont or its header chunks are damaged.</exception>
    public static SoundFontBandwidth Read(string path)
    {
        Dictionary<string, ArraySegment<byte>> chunks = PdtaChunks(path);
        string[] needed = ["phdr", "pbag", "pgen", "inst", "ibag", "igen", "shdr"];
        if (needed.FirstOrDefault(n => !chunks.ContainsKey(n)) is string missing) throw new InvalidDataException($"{path}: no '{missing}' chunk in pdta.");
        var font = new SoundFontBandwidth();
        Record[] phdr = Records(chunks["phdr"], 38), inst = Records(chunks["inst"], 22), shdr = Records(chunks["shdr"], 46);
        int[] pbag = Bags(chunks["pbag"]), ibag = Bags(chunks["ibag"]);
        Gen[] pgen = Gens(chunks["pgen"]), igen = Gens(chunks["igen"]);
        for (int p = 0; p + 1 < phdr.Length; p++)
        {
            int program = phdr[p].U16(20), bank = phdr[p].U16(22);
            if (bank != 0 || program > 127) continue;
            var zones = new List<Zone>();
            foreach (Dictionary<int, Gen> presetZone in ZoneGenerators(phdr[p].U16(24), phdr[p + 1].U16(24), pbag, pgen, Instrument))
            {
                if (!presetZone.TryGetValue(Instrument, out Gen instrument) || instrument.Amount + 1 >= inst.Length) continue;
                (int pkLo, int pkHi) = Range(presetZone, KeyRange);
                (int pvLo, int pvHi) = Range(presetZone, VelRange);
                double presetTune = Signed(presetZone, CoarseTune) + (Signed(presetZone, FineTune) / 100.0);
                int i = instrument.Amount;
                foreach (Dictionary<int, Gen> z in ZoneGenerators(inst[i].U16(20), inst[i + 1].U16(20), ibag, igen, SampleId))
                {
                    if (!z.TryGetValue(SampleId, out Gen sample) || sample.Amount + 1 >= shdr.Length) continue;
                    Record s = shdr[sample.Amount];
                    (int kLo, int kHi) = Range(z, KeyRange);
                    (int vLo, int vHi) = Range(z, VelRange);
                    int original = s.Bytes[40];
                    int root = z.TryGetValue(RootKeyOverride, out Gen r) && (short)r.Amount is >= 0 and <= 127 ? (short)r.Amount : original <= 127 ? original : 60;
                    double tune = presetTune + Signed(z, CoarseTune) + (Signed(z, FineTune) / 100.0) + ((sbyte)s.Bytes[41] / 100.0);
                    double scale = z.TryGetValue(ScaleTuning, out Gen st) ? (short)st.Amount : 100;
                    int rate = (int)s.U32(36);
                    if (rate <= 0) continue;
                    zones.Add(new Zone(Math.Max(kLo, pkLo), Math.Min(kHi, pkHi), Math.Max(vLo, pvLo), Math.Min(vHi, pvHi), rate, root, tune, scale));
                }
            }
            font._presets[program] = zones;
        }
        return font;
    }

    private readonly record struct Record(ArraySegment<byte> Bytes)
    {
        public int U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(offset, 2));
        public uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(offset, 4));
    }

    /// <summary>A generator: its operator and its 16-bit amount (ranges: low byte first).</summary>
    private readonly record struct Gen(int Operator, ushort Amount);

    /// <summary>
    /// The generators of each zone in bags [first, end), the global zone's (a first zone without <paramref name="terminal"/>)
    /// folded in as defaults, as the specification says; the global zone itself is not returned.
    /// </summary>
    private static IEnumerable<Dictionary<int, Gen>> ZoneGenerators(int first, int end, int[] bags, Gen[] gens, int terminal)
    {
        Dictionary<int, Gen>? global = null;
        for (int b = first; b < end && b + 1 < bags.Length; b++)
        {
            var zone = new Dictionary<int, Gen>();
            for (int g = bags[b]; g < bags[b + 1] && g < gens.Length; g++) zone[gens[g].Operator] = gens[g];
            if (b == first && !zone.ContainsKey(terminal)) { global = zone; continue; }
            if (global is not null) foreach (var (op, gen) in global) zone.TryAdd(op, gen);
            yield return zone;
        }
    }

    private static (int Low, int High) Range(Dictionary<int, Gen> zone, int op) =>
        zone.TryGetValue(op, out Gen g) ? (g.Amount & 0xFF, g.Amount >> 8) : (0, 127);

    private static double Signed(Dictionary<int, Gen> zone, int op) => zone.TryGetValue(op, out Gen g) ? (short)g.Amount : 0;

    private static Record[] Records(ArraySegment<byte> chunk, int size) =>
        [.. Enumerable.Range(0, chunk.Count / size).Select(i => new Record(chunk.Slice(i * size, size)))];

    /// <summary>Each bag's first generator index (a bag's modulator index is not needed here).</summary>
    private static int[] Bags(ArraySegment<byte> chunk) =>
        [.. Enumerable.Range(0, chunk.Count / 4).Select(i => (int)BinaryPrimitives.ReadUInt16LittleEndian(chunk.AsSpan(i * 4, 2)))];

    private static Gen[] Gens(ArraySegment<byte> chunk) =>
        [.. Enumerable.Range(0, chunk.Count / 4).Select(i => new Gen(BinaryPrimitives.ReadUInt16LittleEndian(chunk.AsSpan(i * 4, 2)), BinaryPrimitives.ReadUInt16LittleEndian(chunk.AsSpan((i * 4) + 2, 2))))];

    /// <summary>
    /// The sub-chunks of the LIST 'pdta' chunk, by id. Only that list is read: the file is walked chunk header by chunk
    /// header and the sample data (sdta, nearly all of a font: 141 MB of FluidR3's 141 MB) is skipped, not loaded.
    /// </summary>
    private static Dictionary<string, ArraySegment<byte>> PdtaChunks(string path)
    {
        using FileStream file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[12];
        if (file.Length < 12 || file.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12
            || Encoding.ASCII.GetString(header[..4]) != "RIFF" || Encoding.ASCII.GetString(header[8..12]) != "sfbk")
            throw new InvalidDataException($"{path}: not a SoundFont (no RIFF sfbk header).");
        while (file.Position + 12 <= file.Length)
        {
            file.ReadExactly(header);
            string id = Encoding.ASCII.GetString(header[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..8]);
            long body = file.Position - 4;
            if (body + size > file.Length || size < 4) break;
            if (id == "LIST" && Encoding.ASCII.GetString(header[8..12]) == "pdta")
            {
                // The preset data is small (FluidR3's: under 1 MB).
                var data = new byte[size - 4];
                file.ReadExactly(data);
                var chunks = new Dictionary<string, ArraySegment<byte>>(StringComparer.Ordinal);
                int p = 0;
                while (p + 8 <= data.Length)
                {
                    string sub = Encoding.ASCII.GetString(data, p, 4);
                    int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(p + 4, 4));
                    if (length < 0 || p + 8 + length > data.Length) throw new InvalidDataException($"{path}: pdta chunk '{sub}' runs past its list.");
                    chunks[sub] = new ArraySegment<byte>(data, p + 8, length);
                    p += 8 + length + (length & 1);
                }
                return chunks;
            }
            file.Position = body + size + (size & 1);
        }
        throw new InvalidDataException($"{path}: no LIST pdta chunk (preset data).");
    }
}
