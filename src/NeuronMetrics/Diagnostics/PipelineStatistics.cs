namespace NeuronMetrics.Diagnostics;

/// <summary>Counters shared by every stage; thread-safe, read for the periodic and final stats lines.</summary>
public sealed class PipelineStatistics
{
    private long _reportsRead;
    private long _documentsRejected;
    private long _valuesDropped;
    private long _samples;
    private long _datums;
    private long _requests;
    private long _datumsSent;
    private long _datumsDropped;
    private long _datumsInDoubt;
    private long _retries;
    private long _earlyFlushes;

    public long ReportsRead => Interlocked.Read(ref _reportsRead);

    public long DocumentsRejected => Interlocked.Read(ref _documentsRejected);

    /// <summary>Values dropped by a mapper (non-finite, out of range, wrong type).</summary>
    public long ValuesDropped => Interlocked.Read(ref _valuesDropped);

    public long Samples => Interlocked.Read(ref _samples);

    /// <summary>Datums produced by the aggregator.</summary>
    public long Datums => Interlocked.Read(ref _datums);

    /// <summary>Requests (batches) handed to the sink and completed, successfully or not.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public long DatumsSent => Interlocked.Read(ref _datumsSent);

    /// <summary>Datums that will never be delivered (rejected by the service, buffer overflow, shutdown).</summary>
    public long DatumsDropped => Interlocked.Read(ref _datumsDropped);

    /// <summary>
    /// Datums of requests abandoned without an answer (at shutdown): CloudWatch may or may not have stored them.
    /// </summary>
    public long DatumsInDoubt => Interlocked.Read(ref _datumsInDoubt);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Intervals sent before their end because input came faster than real time (a replayed file).</summary>
    public long EarlyFlushes => Interlocked.Read(ref _earlyFlushes);

    public void AddReportRead() => Interlocked.Increment(ref _reportsRead);

    public void AddDocumentRejected() => Interlocked.Increment(ref _documentsRejected);

    public void AddValuesDropped(long count = 1) => Interlocked.Add(ref _valuesDropped, count);

    public void AddSamples(long count) => Interlocked.Add(ref _samples, count);

    public void AddDatums(long count) => Interlocked.Add(ref _datums, count);

    public void AddRequest() => Interlocked.Increment(ref _requests);

    public void AddRequests(long count) => Interlocked.Add(ref _requests, count);

    public void AddDatumsSent(long count) => Interlocked.Add(ref _datumsSent, count);

    /// <summary>Adds <paramref name="count"/> (negative to correct a drop counted too early: the datum was delivered after all).</summary>
    public void AddDatumsDropped(long count) => Interlocked.Add(ref _datumsDropped, count);

    public void AddDatumsInDoubt(long count) => Interlocked.Add(ref _datumsInDoubt, count);

    public void AddRetry() => Interlocked.Increment(ref _retries);

    public void AddEarlyFlush() => Interlocked.Increment(ref _earlyFlushes);
}
