using System.Buffers;

namespace NeuronMetrics.Input;

/// <summary>
/// Cuts a byte stream into top-level JSON documents without parsing them: one report per line,
/// pretty-printed reports back to back, CRLF, BOMs and blank lines all work. A document that
/// cannot be finished (truncated by a crash) ends where the next line starts with '{' or '[', so the
/// reports after it are not lost. Documents larger than the limit are skipped without being
/// held in memory.
/// </summary>
public sealed class JsonDocumentFramer : IDisposable
{
    public const int DefaultMaxDocumentBytes = 16 * 1024 * 1024;

    private const int ReadChunkBytes = 64 * 1024;

    private static readonly SearchValues<byte> StructuralBytes = SearchValues.Create("{}[]\"\n"u8);
    private static readonly SearchValues<byte> StringBytes = SearchValues.Create("\"\\\n"u8);
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream _input;
    private readonly int _maxDocumentBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _line = 1;
    private bool _eof;
    private Task<int>? _pendingRead;

    public JsonDocumentFramer(Stream input, int maxDocumentBytes = DefaultMaxDocumentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 2);
        _input = input;
        _maxDocumentBytes = maxDocumentBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(ReadChunkBytes * 2);
    }

    public int MaxDocumentBytes => _maxDocumentBytes;

    /// <summary>Returns the next document or rejected region, or null at end of input.</summary>
    public async ValueTask<FramedDocument?> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!SkipInsignificant())
            {
                if (_eof)
                {
                    return null;
                }

                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            byte first = _buffer[_start];
            return first is (byte)'{' or (byte)'['
                ? await ReadDocumentAsync(cancellationToken).ConfigureAwait(false)
                : await ReadGarbageLineAsync(first, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_pendingRead is { IsCompleted: false })
        {
            // An abandoned read may still write into the buffer: leave it to the GC, not the pool.
            _buffer = [];
            return;
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Skips whitespace and BOMs; true when a significant byte is at <see cref="_start"/>.</summary>
    private bool SkipInsignificant()
    {
        while (_start < _end)
        {
            byte b = _buffer[_start];
            if (b == (byte)'\n')
            {
                _line++;
                _start++;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                _start++;
            }
            else if (b == Bom[0])
            {
                if (_end - _start < Bom.Length && !_eof)
                {
                    return false; // need more bytes to tell a BOM from garbage
                }

                if (_buffer.AsSpan(_start, _end - _start).StartsWith(Bom))
                {
                    _start += Bom.Length;
                }
                else
                {
                    return true;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<FramedDocument> ReadDocumentAsync(CancellationToken cancellationToken)
    {
        long startLine = _line;
        var scan = new ScanState();
        int scanned = _start; // absolute index up to which bytes were scanned
        bool skipping = false;
        long skippedBytes = 0;

        while (true)
        {
            int docEnd = Scan(ref scan, ref scanned);
            if (docEnd >= 0)
            {
                if (skipping)
                {
                    skippedBytes += docEnd - _start;
                    _start = docEnd;
                    return new FramedDocument(default, startLine, $"document larger than {_maxDocumentBytes} bytes skipped ({skippedBytes} bytes)");
                }

                var json = _buffer.AsMemory(_start, docEnd - _start);
                _start = docEnd;
                // A document that arrived in one read is complete before the size check below ever runs.
                return json.Length > _maxDocumentBytes
                    ? new FramedDocument(default, startLine, $"document larger than {_maxDocumentBytes} bytes skipped ({json.Length} bytes)")
                    : new FramedDocument(json, startLine, null);
            }

            if (scanned - _start > _maxDocumentBytes)
            {
                // Too large: drop what we hold and keep scanning to the document's end.
                skipping = true;
                skippedBytes += scanned - _start;
                _start = scanned;
            }

            if (_eof)
            {
                // Truncated at end of input: hand it over; the parser says what is wrong.
                var rest = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                return skipping
                    ? new FramedDocument(default, startLine, $"document larger than {_maxDocumentBytes} bytes skipped ({skippedBytes + rest.Length} bytes)")
                    : new FramedDocument(rest, startLine, null);
            }

            int offset = _start;
            await FillAsync(cancellationToken).ConfigureAwait(false);
            scanned -= offset - _start; // FillAsync may have moved the data to the buffer's front
        }
    }

    /// <summary>
    /// Scans from <paramref name="scanned"/> to the end of buffered data. Returns the absolute end
    /// (exclusive) of the document when it is complete, else -1.
    /// </summary>
    private int Scan(ref ScanState state, ref int scanned)
    {
        while (scanned < _end)
        {
            if (_end - scanned >= JsonBlockScanner.BlockBytes
                && JsonBlockScanner.TrySkipBlock(_buffer.AsSpan(scanned, JsonBlockScanner.BlockBytes), ref state.Depth, ref state.InString))
            {
                scanned += JsonBlockScanner.BlockBytes;
                continue;
            }

            // Byte by byte up to the end of this block: it has a newline, an escape, or may end the document.
            int limit = Math.Min(_end, scanned + JsonBlockScanner.BlockBytes);
            var span = _buffer.AsSpan(scanned, limit - scanned);
            int i = span.IndexOfAny(state.InString ? StringBytes : StructuralBytes);
            if (i < 0)
            {
                scanned = limit;
                continue;
            }

            int at = scanned + i;
            byte b = _buffer[at];
            scanned = at + 1;

            if (b == (byte)'\n')
            {
                _line++;
                // A raw newline cannot be inside a valid string: the line was cut short.
                state.InString = false;
                if (state.Depth > 0 && scanned < _end && _buffer[scanned] is (byte)'{' or (byte)'[')
                {
                    // A document starting at column 0 inside an unfinished one (pretty printers indent
                    // nested values): the current document was truncated.
                    return scanned;
                }

                if (scanned == _end && !_eof)
                {
                    // Cannot see the next line's first byte yet; rescan this newline after the next read.
                    _line--;
                    scanned = at;
                    return -1;
                }

                continue;
            }

            if (state.InString)
            {
                if (b == (byte)'\\')
                {
                    if (scanned == _end && !_eof)
                    {
                        scanned = at; // escaped byte not read yet
                        return -1;
                    }

                    if (scanned < _end && _buffer[scanned] != (byte)'\n')
                    {
                        scanned++;
                    }
                }
                else
                {
                    state.InString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    state.InString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    state.Depth++;
                    break;
                default: // '}' or ']'
                    state.Depth--;
                    if (state.Depth <= 0)
                    {
                        return scanned;
                    }

                    break;
            }
        }

        return -1;
    }

    private async ValueTask<FramedDocument> ReadGarbageLineAsync(byte first, CancellationToken cancellationToken)
    {
        long line = _line;
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _start += nl; // the newline itself is consumed by SkipInsignificant
                break;
            }

            _start = _end; // garbage is never kept
            if (_eof)
            {
                break;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        string shown = first is >= 0x20 and < 0x7F ? $"'{(char)first}'" : $"byte 0x{first:X2}";
        return new FramedDocument(default, line, $"not a JSON document (starts with {shown})");
    }

    /// <summary>Reads more input, compacting or growing the buffer first.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            int length = _end - _start;
            if (length > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, length);
            }

            _start = 0;
            _end = length;
        }

        if (_buffer.Length - _end < ReadChunkBytes)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _end + ReadChunkBytes));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var pending = _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        int read;
        if (pending.IsCompleted)
        {
            read = pending.GetAwaiter().GetResult();
        }
        else
        {
            // Console stdin ignores the token: stop waiting when it fires (SIGTERM) and leave the read behind.
            _pendingRead = pending.AsTask();
            read = await _pendingRead.WaitAsync(cancellationToken).ConfigureAwait(false);
            _pendingRead = null;
        }

        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private struct ScanState
    {
        public int Depth;
        public bool InString;
    }
}
