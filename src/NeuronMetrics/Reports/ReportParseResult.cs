namespace NeuronMetrics.Reports;

/// <summary>
/// Why a document is not a usable report (<see cref="Error"/>), or what was refused in a usable one
/// (<see cref="Warning"/>); <see cref="LineOffset"/> is relative to the document's first line.
/// <see cref="PreRelease"/>: the document is in the 2020 beta shape, which is not read.
/// </summary>
public readonly record struct ReportParseResult(string? Error, long LineOffset, string? Warning = null, bool PreRelease = false)
{
    public static readonly ReportParseResult Ok = new(null, 0);

    public bool IsOk => Error is null;
}
