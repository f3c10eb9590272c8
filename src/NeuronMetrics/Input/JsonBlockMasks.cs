using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuronMetrics.Input;

/// <summary>
/// The bit masks (one bit per byte) of a 64-byte block the structure scan needs: quotes, opening and closing brackets,
/// and whether it holds a backslash or a newline. The widest path the CPU has, chosen at run time: 512 and 256 bits
/// where the code generator may use them (the JIT on such a CPU; Native AOT's portable x64 target has no VEX encoding,
/// so ILC compiles those checks to false), else SSSE3's byte shuffle, which Native AOT checks for at run time (an
/// "opportunistic" instruction set), else plain 128-bit compares. All give the same masks (tests compare them).
/// </summary>
internal static class JsonBlockMasks
{
    // Byte classes from a table lookup on each nibble (the class of a byte is lowTable[low nibble] & highTable[high
    // nibble]): each class bit is set in both tables only for its bytes. A byte ≥ 0x80 finds 0 in the low table.
    private const byte Quote = 0x80;     // '"' 0x22
    private const byte Open = 0x40;      // '{' 0x7B, '[' 0x5B
    private const byte Close = 0x20;     // '}' 0x7D, ']' 0x5D
    private const byte Backslash = 0x01; // '\\' 0x5C
    private const byte Newline = 0x02;   // '\n' 0x0A

    /// <summary>Applies the widest path available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute(ref byte block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Compute512(ref block, out quotes, out special, out opens, out closes);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Compute256(ref block, out quotes, out special, out opens, out closes);
        }
        else if (Ssse3.IsSupported)
        {
            ComputeSsse3(ref block, out quotes, out special, out opens, out closes);
        }
        else
        {
            Compute128(ref block, out quotes, out special, out opens, out closes);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Compute512(ref byte block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        var v = Vector512.LoadUnsafe(ref block);
        quotes = Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
        special = (Vector512.Equals(v, Vector512.Create((byte)'\\')) | Vector512.Equals(v, Vector512.Create((byte)'\n'))).ExtractMostSignificantBits();

        // '{' and '[' (0x7B, 0x5B) differ only in bit 0x20, as do '}' and ']'.
        var folded = v | Vector512.Create((byte)0x20);
        opens = Vector512.Equals(folded, Vector512.Create((byte)'{')).ExtractMostSignificantBits();
        closes = Vector512.Equals(folded, Vector512.Create((byte)'}')).ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Compute256(ref byte block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        var low = Vector256.LoadUnsafe(ref block);
        var high = Vector256.LoadUnsafe(ref block, 32);
        quotes = Mask256(low, high, (byte)'"');
        special = Mask256(low, high, (byte)'\\') | Mask256(low, high, (byte)'\n');
        var fold = Vector256.Create((byte)0x20);
        opens = Mask256(low | fold, high | fold, (byte)'{');
        closes = Mask256(low | fold, high | fold, (byte)'}');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ComputeSsse3(ref byte block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        var c0 = Classify(Vector128.LoadUnsafe(ref block));
        var c1 = Classify(Vector128.LoadUnsafe(ref block, 16));
        var c2 = Classify(Vector128.LoadUnsafe(ref block, 32));
        var c3 = Classify(Vector128.LoadUnsafe(ref block, 48));
        special = ((c0 | c1 | c2 | c3) & Vector128.Create((byte)(Backslash | Newline))) == Vector128<byte>.Zero ? 0UL : 1UL;
        quotes = Join(c0, c1, c2, c3); // Quote is the top bit of each byte

        // Doubling a byte shifts its class bits up by one within the byte: Open, then Close, become the top bit.
        c0 += c0;
        c1 += c1;
        c2 += c2;
        c3 += c3;
        opens = Join(c0, c1, c2, c3);
        closes = Join(c0 + c0, c1 + c1, c2 + c2, c3 + c3);
    }

    /// <summary>Portable 128-bit compares: unrolled, constant shifts; the two special bytes only need to be seen, not placed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Compute128(ref byte block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        var v0 = Vector128.LoadUnsafe(ref block);
        var v1 = Vector128.LoadUnsafe(ref block, 16);
        var v2 = Vector128.LoadUnsafe(ref block, 32);
        var v3 = Vector128.LoadUnsafe(ref block, 48);
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

    /// <summary>The masks byte by byte, for tests to compare the vector paths with.</summary>
    internal static void ComputeScalar(ReadOnlySpan<byte> block, out ulong quotes, out ulong special, out ulong opens, out ulong closes)
    {
        quotes = special = opens = closes = 0;
        for (int i = 0; i < JsonBlockScanner.BlockBytes; i++)
        {
            ulong bit = 1UL << i;
            byte b = block[i];
            quotes |= b == (byte)'"' ? bit : 0;
            special |= b is (byte)'\\' or (byte)'\n' ? bit : 0;
            opens |= b is (byte)'{' or (byte)'[' ? bit : 0;
            closes |= b is (byte)'}' or (byte)']' ? bit : 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Classify(Vector128<byte> v)
    {
        var lowTable = Vector128.Create(
            0, 0, Quote, 0, 0, 0, 0, 0, 0, 0, Newline, Open, Backslash, Close, 0, (byte)0);
        var highTable = Vector128.Create(
            Newline, 0, Quote, 0, 0, Backslash | Open | Close, 0, Open | Close, 0, 0, 0, 0, 0, 0, 0, (byte)0);
        var highNibbles = Sse2.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F);
        return Ssse3.Shuffle(lowTable, v) & Ssse3.Shuffle(highTable, highNibbles);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Join(Vector128<byte> c0, Vector128<byte> c1, Vector128<byte> c2, Vector128<byte> c3)
    {
        // 32-bit halves first: fewer 64-bit widenings.
        uint low = c0.ExtractMostSignificantBits() | (c1.ExtractMostSignificantBits() << 16);
        uint high = c2.ExtractMostSignificantBits() | (c3.ExtractMostSignificantBits() << 16);
        return low | ((ulong)high << 32);
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
