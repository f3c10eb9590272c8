using System.Runtime.CompilerServices;

namespace NeuronMetrics.Input;

/// <summary>
/// Where the objects and arrays of one document end, recorded by the framer's scan for the brackets that open at
/// depth <see cref="MaxDepth"/> or less (a report's groups and their fields are at depth 3 to 6), so that the parser
/// steps over a group nothing reads by a lookup instead of scanning its bytes a second time. Positions are relative to
/// the document's first byte. Only kept for documents without a raw newline: the parser's fallback scan counts the
/// newlines of what it skips for its line numbers, and a newline inside a string has rules of its own.
/// </summary>
public sealed class StructureIndex
{
    /// <summary>Deepest level whose brackets are recorded (1 is the document itself).</summary>
    public const int MaxDepth = 6;

    /// <summary>Entries after the last one found that a lookup compares before searching them all.</summary>
    private const int ForwardLook = 8;

    private readonly int[] _stack = new int[MaxDepth + 1];
    private int[] _opens = new int[256];
    private int[] _ends = new int[256];
    private int _count;
    private int _next; // just past the entry the last lookup found: the parser looks up brackets in document order

    /// <summary>Pairs recorded for the current document.</summary>
    public int Count => _count;

    internal void Reset() => _count = _next = 0;

    /// <summary>An opening bracket at <paramref name="position"/> that brought the depth to <paramref name="depth"/> (≤ <see cref="MaxDepth"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Open(int position, int depth)
    {
        if (_count == _opens.Length)
        {
            Grow();
        }

        _opens[_count] = position;
        _ends[_count] = -1;
        _stack[depth] = _count++;
    }

    /// <summary>A closing bracket at <paramref name="position"/> found at depth <paramref name="depth"/> (≤ <see cref="MaxDepth"/>, before it closes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Close(int position, int depth)
    {
        int entry = _stack[depth];
        if ((uint)entry < (uint)_count && _ends[entry] < 0)
        {
            _ends[entry] = position + 1;
        }
    }

    private void Grow()
    {
        Array.Resize(ref _opens, _count * 2);
        Array.Resize(ref _ends, _count * 2);
    }

    /// <summary>
    /// The index just past the bracket that closes the one at <paramref name="open"/>; false when that bracket was not
    /// recorded (deeper than <see cref="MaxDepth"/>, not a bracket) or never closed.
    /// </summary>
    public bool TryFindEnd(int open, out int end)
    {
        // The next few entries first (lookups move forward through the document), then a binary search.
        int found = -1;
        for (int i = _next, last = Math.Min(_count, _next + ForwardLook); i < last && _opens[i] <= open; i++)
        {
            if (_opens[i] == open)
            {
                found = i;
                break;
            }
        }

        if (found < 0)
        {
            found = Array.BinarySearch(_opens, 0, _count, open);
        }

        if (found >= 0)
        {
            _next = found + 1;
        }

        end = found >= 0 ? _ends[found] : -1;
        return end > 0;
    }
}
