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

    /// <summary>
    /// Applies whole blocks of <paramref name="data"/> from <paramref name="at"/> on, as <see cref="ScanBlock(ReadOnlySpan{byte}, ref int, ref bool, StructureIndex, int)"/>
    /// would one after another, while a whole block is left: returns where the first block not applied starts (one
    /// with a newline or a backslash, or fewer than <see cref="BlockBytes"/> bytes left), or, with
    /// <paramref name="ended"/> set, the index just past the closing bracket that brings the depth to zero. With an
    /// <paramref name="index"/>, the brackets at depth <see cref="StructureIndex.MaxDepth"/> or less are recorded at
    /// positions relative to <paramref name="indexBase"/>. One loop with the state in registers: the per-block cost
    /// is the masks and a few scalar operations (the string state carried by the top bit of the prefix XOR, no
    /// counting of quotes).
    /// </summary>
    public static int ScanBlocks(ReadOnlySpan<byte> data, int at, ref int depth, ref bool inString, StructureIndex? index, int indexBase, out bool ended)
    {
        ended = false;
        ref byte first = ref MemoryMarshal.GetReference(data);
        int level = depth;
        ulong stringMask = inString ? ulong.MaxValue : 0;
        // A block whose closing brackets cannot take the depth below this is applied by counting: no bracket in it ends
        // the value (depth 0) or, with an index, is at a recorded depth (a closing bracket found at MaxDepth or less, an
        // opening one that brings the depth there).
        int floor = index is null ? 1 : StructureIndex.MaxDepth;
        int last = data.Length - BlockBytes;
        while (at <= last)
        {
            JsonBlockMasks.Compute(ref Unsafe.Add(ref first, at), out ulong quotes, out ulong special, out ulong opens, out ulong closes);
            if (special != 0)
            {
                break;
            }

            // Bit i set when byte i is inside a string (an opening quote counts as inside, a closing one not).
            ulong inside = PrefixXor(quotes) ^ stringMask;
            opens &= ~inside;
            closes &= ~inside;
            int closing = BitOperations.PopCount(closes);
            if (level - closing >= floor)
            {
                level += BitOperations.PopCount(opens) - closing;
            }
            else
            {
                for (ulong brackets = opens | closes; brackets != 0; brackets &= brackets - 1)
                {
                    int bit = BitOperations.TrailingZeroCount(brackets);
                    if (((opens >> bit) & 1) != 0)
                    {
                        if (++level <= StructureIndex.MaxDepth)
                        {
                            index?.Open(at - indexBase + bit, level);
                        }
                    }
                    else
                    {
                        if (level <= StructureIndex.MaxDepth)
                        {
                            index?.Close(at - indexBase + bit, level);
                        }

                        if (--level <= 0)
                        {
                            depth = level;
                            inString = false; // a closing bracket outside a string
                            ended = true;
                            return at + bit + 1;
                        }
                    }
                }
            }

            stringMask = (ulong)((long)inside >> 63); // inside a string after the block: its last byte is
            at += BlockBytes;
        }

        depth = level;
        inString = stringMask != 0;
        return at;
    }

    /// <summary>The quote mask and the brackets outside strings; false for a block with a newline or a backslash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryStructure(ReadOnlySpan<byte> block, bool inString, out ulong quotes, out ulong opens, out ulong closes)
    {
        if (block.Length != BlockBytes)
        {
            throw new ArgumentException($"a block is {BlockBytes} bytes", nameof(block));
        }

        JsonBlockMasks.Compute(ref MemoryMarshal.GetReference(block), out quotes, out ulong special, out opens, out closes);
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
}
