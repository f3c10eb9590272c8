namespace NeuronMetrics.Input;

/// <summary>
/// One top-level JSON document cut from the input stream, or a rejected region of it.
/// <see cref="Json"/> is only valid until the next call to <see cref="JsonDocumentFramer.ReadNextAsync"/>.
/// </summary>
public readonly struct FramedDocument
{
    public FramedDocument(ReadOnlyMemory<byte> json, long startLine, string? error, StructureIndex? index = null)
    {
        Json = json;
        StartLine = startLine;
        Error = error;
        Index = index;
    }

    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Where the document's shallow objects and arrays end (see <see cref="StructureIndex"/>), or null; valid as long as <see cref="Json"/>.</summary>
    public StructureIndex? Index { get; }

    /// <summary>1-based line number of the document's first byte.</summary>
    public long StartLine { get; }

    /// <summary>Why this region was rejected by the framer (not JSON, too large), or null.</summary>
    public string? Error { get; }

    public bool IsRejected => Error is not null;
}
