using System.Globalization;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Pipeline;

/// <summary>The one-line stats summary written periodically and at exit.</summary>
public static class StatisticsLine
{
    public static string Format(string label, PipelineStatistics s, int bufferedDatums) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: reports={s.ReportsRead} rejected={s.DocumentsRejected} values-dropped={s.ValuesDropped} datums={s.Datums} requests={s.Requests} sent={s.DatumsSent} retries={s.Retries} dropped={s.DatumsDropped} in-doubt={s.DatumsInDoubt} buffered={bufferedDatums}");
}
