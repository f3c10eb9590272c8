using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using NeuronMetrics.Input;

namespace NeuronMetrics.Tests.Input;

/// <summary>Every vector path the CPU running the tests has gives the masks of the byte-by-byte reference.</summary>
public sealed class JsonBlockMasksTests
{
    private delegate void MaskPath(ref byte block, out ulong quotes, out ulong special, out ulong opens, out ulong closes);

    private static IEnumerable<(string Name, MaskPath Path)> Paths()
    {
        yield return ("128", JsonBlockMasks.Compute128);
        yield return ("dispatched", JsonBlockMasks.Compute);
        if (Ssse3.IsSupported)
        {
            yield return ("ssse3", JsonBlockMasks.ComputeSsse3);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            yield return ("256", JsonBlockMasks.Compute256);
        }

        if (Vector512.IsHardwareAccelerated)
        {
            yield return ("512", JsonBlockMasks.Compute512);
        }
    }

    private static void Check(byte[] block)
    {
        JsonBlockMasks.ComputeScalar(block, out ulong quotes, out ulong special, out ulong opens, out ulong closes);
        foreach (var (name, path) in Paths())
        {
            path(ref block[0], out ulong q, out ulong s, out ulong o, out ulong c);
            (q, s != 0, o, c).Should().Be((quotes, special != 0, opens, closes), $"the {name} path on {Convert.ToHexString(block)}");
        }
    }

    [Fact]
    public void Compute_EveryByteValueAtEveryPlace_SameMasksAsByteByByte()
    {
        for (int value = 0; value < 256; value++)
        {
            for (int place = 0; place < JsonBlockScanner.BlockBytes; place += 7)
            {
                var block = Encoding.ASCII.GetBytes("{\"a\":[1,\"}]\"],\"b\":{\"c\":\"x\"}}".PadRight(JsonBlockScanner.BlockBytes, '.'));
                block[place] = (byte)value;
                block[JsonBlockScanner.BlockBytes - 1 - place] = (byte)(255 - value);
                Check(block);
            }
        }
    }

    [Fact]
    public void Compute_RandomStructuralBytes_SameMasksAsByteByByte()
    {
        var random = new Random(11);
        byte[] alphabet = "\"\\\n{}[]:,aZ|\u007f"u8.ToArray().Concat(new byte[] { 0x0B, 0x0C, 0x2A, 0x5A, 0x7C, 0x80, 0xDB, 0xFD, 0xA2 }).ToArray();
        var block = new byte[JsonBlockScanner.BlockBytes];
        for (int i = 0; i < 20_000; i++)
        {
            for (int j = 0; j < block.Length; j++)
            {
                block[j] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            Check(block);
        }
    }
}
