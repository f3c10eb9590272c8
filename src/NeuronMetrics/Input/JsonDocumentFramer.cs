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

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly StreamWindow _window;
    private readonly StructureIndex _index = new();
    private readonly int _maxDocumentBytes;
    private long _line = 1;

    public JsonDocumentFramer(Stream input, int maxDocumentBytes = DefaultMaxDocumentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 2);
        _window = new StreamWindow(input);
        _maxDocumentBytes = maxDocumentBytes;
    }

    public int MaxDocumentBytes => _maxDocumentBytes;

    /// <summary>Returns the next document or rejected region, or null at end of input.</summary>
    public async ValueTask<FramedDocument?> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!SkipInsignificant())
            {
                if (_window.Eof)
                {
                    return null;
                }

                await _window.FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            byte first = _window.Buffer[_window.Start];
            return first is (byte)'{' or (byte)'['
                ? await ReadDocumentAsync(cancellationToken).ConfigureAwait(false)
                : await ReadGarbageLineAsync(first, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _window.Dispose();

    /// <summary>Skips whitespace and BOMs; true when a significant byte is at <see cref="_window.Start"/>.</summary>
    private bool SkipInsignificant()
    {
        while (_window.Start < _window.End)
        {
            byte b = _window.Buffer[_window.Start];
            if (b == (byte)'\n')
            {
                _line++;
                _window.Start++;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                _window.Start++;
            }
            else if (b == Bom[0])
            {
                if (_window.End - _window.Start < Bom.Length && !_window.Eof)
                {
                    return false; // need more bytes to tell a BOM from garbage
                }

                if (_window.Buffer.AsSpan(_window.Start, _window.End - _window.Start).StartsWith(Bom))
                {
                    _window.Start += Bom.Length;
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
        _index.Reset();
        var scan = new JsonStructureScanner { Index = _index, IndexBase = _window.Start };
        int scanned = _window.Start; // absolute index up to which bytes were scanned
        bool skipping = false;
        long skippedBytes = 0;

        while (true)
        {
            int docEnd = Scan(ref scan, ref scanned);
            if (docEnd >= 0)
            {
                if (skipping)
                {
                    skippedBytes += docEnd - _window.Start;
                    _window.Start = docEnd;
                    return new FramedDocument(default, startLine, $"document larger than {_maxDocumentBytes} bytes skipped ({skippedBytes} bytes)");
                }

                var json = _window.Buffer.AsMemory(_window.Start, docEnd - _window.Start);
                _window.Start = docEnd;
                // A document that arrived in one read is complete before the size check below ever runs.
                return json.Length > _maxDocumentBytes
                    ? new FramedDocument(default, startLine, $"document larger than {_maxDocumentBytes} bytes skipped ({json.Length} bytes)")
                    : new FramedDocument(json, startLine, null, _line == startLine ? _index : null);
            }

            if (scanned - _window.Start > _maxDocumentBytes)
            {
                // Too large: drop what we hold and keep scanning to the document's end.
                skipping = true;
                scan.Index = null;
                skippedBytes += scanned - _window.Start;
                _window.Start = scanned;
            }

            if (_window.Eof)
            {
                // Truncated at end of input: hand it over; the parser says what is wrong.
                var rest = _window.Buffer.AsMemory(_window.Start, _window.End - _window.Start);
                _window.Start = _window.End;
                return skipping
                    ? new FramedDocument(default, startLine, $"document larger than {_maxDocumentBytes} bytes skipped ({skippedBytes + rest.Length} bytes)")
                    : new FramedDocument(rest, startLine, null, _line == startLine ? _index : null);
            }

            int offset = _window.Start;
            await _window.FillAsync(cancellationToken).ConfigureAwait(false);
            scanned -= offset - _window.Start; // FillAsync may have moved the data to the buffer's front
            scan.IndexBase = _window.Start;
        }
    }

    /// <summary>
    /// Scans from <paramref name="scanned"/> to the end of buffered data, counting lines. Returns the
    /// absolute end (exclusive) of the document when it is complete, else -1.
    /// </summary>
    private int Scan(ref JsonStructureScanner state, ref int scanned)
    {
        while (true)
        {
            switch (state.Scan(_window.Buffer.AsSpan(0, _window.End), ref scanned, _window.Eof))
            {
                case ScanStop.End:
                    return scanned;
                case ScanStop.NeedMore:
                    return -1;
            }

            _line++;
            if (state.Depth > 0 && scanned < _window.End && _window.Buffer[scanned] is (byte)'{' or (byte)'[')
            {
                // A document starting at column 0 inside an unfinished one (pretty printers indent
                // nested values): the current document was truncated.
                return scanned;
            }

            if (scanned == _window.End && !_window.Eof)
            {
                // Cannot see the next line's first byte yet; rescan this newline after the next read.
                _line--;
                scanned--;
                state.InString = state.NewlineInString;
                return -1;
            }
        }
    }

    private async ValueTask<FramedDocument> ReadGarbageLineAsync(byte first, CancellationToken cancellationToken)
    {
        long line = _line;
        while (true)
        {
            int nl = _window.Buffer.AsSpan(_window.Start, _window.End - _window.Start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _window.Start += nl; // the newline itself is consumed by SkipInsignificant
                break;
            }

            _window.Start = _window.End; // garbage is never kept
            if (_window.Eof)
            {
                break;
            }

            await _window.FillAsync(cancellationToken).ConfigureAwait(false);
        }

        string shown = first is >= 0x20 and < 0x7F ? $"'{(char)first}'" : $"byte 0x{first:X2}";
        return new FramedDocument(default, line, $"not a JSON document (starts with {shown})");
    }
}
