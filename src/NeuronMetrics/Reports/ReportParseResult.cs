namespace NeuronMetrics.Reports;

/// <summary>Why a document is not a usable report; <see cref="LineOffset"/> is relative to the document's first line.</summary>
public readonly record struct ReportParseResult(string? Error, long LineOffset)
{
    public static readonly ReportParseResult Ok = new(null, 0);

    public bool IsOk => Error is null;
}
