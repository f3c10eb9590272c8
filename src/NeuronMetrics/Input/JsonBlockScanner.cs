using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuronMetrics.Input;

/// <summary>
/// The framer's fast path: steps over 64 bytes at once when they cannot end the document, using
/// bit masks (one bit per byte) instead of stopping at every quote. Which brackets are inside strings
/// comes from the prefix XOR of the quote mask. Blocks with a newline or a backslash (rare in
/// reports, and with rules of their own) are left to the byte-by-byte scan; in a block whose closing
/// brackets could bring the depth to zero, <see cref="ScanBlock"/> follows the brackets one by one.
/// </summary>
internal static class JsonBlockScanner
{
    public const int BlockBytes = 64;

    /// <summary>
    /// Applies <paramref name="block"/> (exactly <see cref="BlockBytes"/> bytes) to the scan state; a block in which
    /// the value may end is followed bracket by bracket (only the brackets outside strings, from the masks). Returns 0
    /// when the whole block was applied, the index just past the closing bracket that brings the depth to zero (1 to
    /// <see cref="BlockBytes"/>; the state as the byte-by-byte scan leaves it there), or -1, state untouched, for a
    /// block with a newline or a backslash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ScanBlock(ReadOnlySpan<byte> block, ref int depth, ref bool inString)
    {
        if (!TryStructure(block, inString, out ulong quotes, out ulong opens, out ulong closes))
        {
            return -1;
        }

        int closing = BitOperations.PopCount(closes);
        int level = depth;
        if (closing >= level)
        {
            for (ulong brackets = opens | closes; brackets != 0; brackets &= brackets - 1)
            {
                int at = BitOperations.TrailingZeroCount(brackets);
                if (((opens >> at) & 1) != 0)
                {
                    level++;
                }
                else if (--level <= 0)
                {
                    depth = level;
                    inString = false; // a closing bracket outside a string
                    return at + 1;
                }
            }
        }

        depth += BitOperations.PopCount(opens) - closing;
        inString ^= (BitOperations.PopCount(quotes) & 1) != 0;
        return 0;
    }

    /// <summary>
    /// As <see cref="ScanBlock(ReadOnlySpan{byte}, ref int, ref bool)"/>, and records in <paramref name="index"/> the
    /// brackets at depth <see cref="StructureIndex.MaxDepth"/> or less; <paramref name="position"/> is the block's
    /// position relative to the indexed document. Brackets are followed one by one only where the depth can be that low.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ScanBlock(ReadOnlySpan<byte> block, ref int depth, ref bool inString, StructureIndex index, int position)
    {
        if (!TryStructure(block, inString, out ulong quotes, out ulong opens, out ulong closes))
        {
            return -1;
        }

        int closing = BitOperations.PopCount(closes);
        int level = depth;
        if (closing < level - StructureIndex.MaxDepth)
        {
            depth += BitOperations.PopCount(opens) - closing;
            inString ^= (BitOperations.PopCount(quotes) & 1) != 0;
            return 0;
        }

        for (ulong brackets = opens | closes; brackets != 0; brackets &= brackets - 1)
        {
            int at = BitOperations.TrailingZeroCount(brackets);
            if (((opens >> at) & 1) != 0)
            {
                if (++level <= StructureIndex.MaxDepth)
                {
                    index.Open(position + at, level);
                }
            }
            else
            {
                if (level <= StructureIndex.MaxDepth)
                {
                    index.Close(position + at, level);
                }

                if (--level <= 0)
                {
                    depth = level;
                    inString = false; // a closing bracket outside a string
                    return at + 1;
                }
            }
        }

        depth = level;
        inString ^= (BitOperations.PopCount(quotes) & 1) != 0;
        return 0;
    }

    /// <summary>The quote mask and the brackets outside strings; false for a block with a newline or a backslash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryStructure(ReadOnlySpan<byte> block, bool inString, out ulong quotes, out ulong opens, out ulong closes)
    {
        if (block.Length != BlockBytes)
        {
            throw new ArgumentException($"a block is {BlockBytes} bytes", nameof(block));
        }

        Masks(block, out quotes, out ulong special, out opens, out closes);
        if (special != 0)
        {
            return false;
        }

        // Bit i set when byte i is inside a string (an opening quote counts as inside, a closing one not).
        ulong inside = PrefixXor(quotes);
        if (inString)
        {
            inside = ~inside;
        }

        opens &= ~inside;
        closes &= ~inside;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong x)
    {
        if (Pclmulqdq.IsSupported)
        {
            // Carry-less multiplication by all ones is the prefix XOR, in one instruction.
            return Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(x), Vector128.Create(ulong.MaxValue), 0).ToScalar();
        }

        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }

    /// <summary>quotes: '"'; special: '\\' or '\n'; opens: '{' '['; closes: '}' ']'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masks(ReadOnlySpan<byte> block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        ref byte first = ref MemoryMarshal.GetReference(block); // the caller passes exactly BlockBytes

        // 256-bit where the JIT has AVX2. Native AOT's portable baseline has no AVX (and ILC checks at run time only
        // for ISAs without VEX encoding, such as PCLMULQDQ and POPCNT): there the 128-bit path below runs.
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.LoadUnsafe(ref first);
            var high = Vector256.LoadUnsafe(ref first, 32);
            quotes = Mask256(low, high, (byte)'"');
            special = Mask256(low, high, (byte)'\\') | Mask256(low, high, (byte)'\n');

            // '{' and '[' (0x7B, 0x5B) differ only in bit 0x20, as do '}' and ']'.
            var fold = Vector256.Create((byte)0x20);
            var lowFolded = low | fold;
            var highFolded = high | fold;
            opens = Mask256(lowFolded, highFolded, (byte)'{');
            closes = Mask256(lowFolded, highFolded, (byte)'}');
            return;
        }

        // Unrolled, with constant shifts; the two special bytes only need to be seen, not placed: one mask for all 64.
        var v0 = Vector128.LoadUnsafe(ref first);
        var v1 = Vector128.LoadUnsafe(ref first, 16);
        var v2 = Vector128.LoadUnsafe(ref first, 32);
        var v3 = Vector128.LoadUnsafe(ref first, 48);
        quotes = Mask128(v0, v1, v2, v3, (byte)'"');
        var backslash = Vector128.Create((byte)'\\');
        var newline = Vector128.Create((byte)'\n');
        var seen = Vector128.Equals(v0, backslash) | Vector128.Equals(v0, newline) | Vector128.Equals(v1, backslash) | Vector128.Equals(v1, newline)
            | Vector128.Equals(v2, backslash) | Vector128.Equals(v2, newline) | Vector128.Equals(v3, backslash) | Vector128.Equals(v3, newline);
        special = seen.ExtractMostSignificantBits();
        var lower = Vector128.Create((byte)0x20);
        v0 |= lower;
        v1 |= lower;
        v2 |= lower;
        v3 |= lower;
        opens = Mask128(v0, v1, v2, v3, (byte)'{');
        closes = Mask128(v0, v1, v2, v3, (byte)'}');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask256(Vector256<byte> low, Vector256<byte> high, byte value)
    {
        var target = Vector256.Create(value);
        return Vector256.Equals(low, target).ExtractMostSignificantBits()
            | ((ulong)Vector256.Equals(high, target).ExtractMostSignificantBits() << 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask128(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> v3, byte value)
    {
        var target = Vector128.Create(value);
        return Vector128.Equals(v0, target).ExtractMostSignificantBits()
            | ((ulong)Vector128.Equals(v1, target).ExtractMostSignificantBits() << 16)
            | ((ulong)Vector128.Equals(v2, target).ExtractMostSignificantBits() << 32)
            | ((ulong)Vector128.Equals(v3, target).ExtractMostSignificantBits() << 48);
    }
}
