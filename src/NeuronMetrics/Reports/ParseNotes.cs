namespace NeuronMetrics.Reports;

/// <summary>
/// Values of a report that were refused while it was read (a tag or instance field with invalid
/// text): the first one with its position in the document, and how many there were. The report
/// itself is kept; the pipeline says the first note with its line number.
/// </summary>
internal sealed class ParseNotes
{
    public string? First { get; private set; }

    /// <summary>Byte position of the first note in the document.</summary>
    public long Position { get; private set; }

    public int Count { get; private set; }

    public void Reset()
    {
        First = null;
        Position = 0;
        Count = 0;
    }

    public void Add(string message, long position)
    {
        if (First is null)
        {
            First = message;
            Position = position;
        }

        Count++;
    }

    /// <summary>The notes in one line, or null when there are none.</summary>
    public string? Summary => First is null ? null : Count > 1 ? $"{First} (and {Count - 1} more value(s) refused)" : First;
}
