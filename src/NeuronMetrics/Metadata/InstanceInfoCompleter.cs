using NeuronMetrics.Diagnostics;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Metadata;

/// <summary>
/// The step between parser and filter that completes a report's <see cref="InstanceInfo"/>. Without it, a fleet of
/// containers without host networking (every <c>instance_info</c> field empty) would merge into one series.
/// <list type="bullet">
/// <item>Fixed values (<c>--dimension InstanceId=…</c>) win over everything.</item>
/// <item>A report without <c>instance_id</c> gets its missing fields from the instance metadata source. It is asked
/// on the first such report (or at startup, when the region is needed), for at most the timeout, so a laptop's dry
/// run never stalls for long; the answer is kept for the life of the process. A failure is warned about once and
/// asked again in the background at most every <see cref="RetryInterval"/> while reports still lack it. Metrics keep
/// flowing meanwhile.</item>
/// </list>
/// Synchronous, for the reading thread (the <see cref="IReportEnricher"/> of the reading side); returns the same
/// object while nothing changes (dimensions are cached by identity).
/// </summary>
public sealed class InstanceInfoCompleter(
    IInstanceMetadataSource? source, InstanceInfo fixedValues, TimeSpan timeout, IDiagnosticLog log, TimeProvider clock, CancellationToken stopping = default)
    : IReportEnricher
{
    /// <summary>How often a failed lookup is tried again while reports still lack the instance id.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(1);

    private readonly bool _hasFixed = fixedValues != InstanceInfo.Unknown;
    private volatile InstanceInfo? _identity;
    private volatile string? _failure;
    private bool _asked;
    private bool _warned;
    private bool _checked;
    private DateTimeOffset _nextRetry;
    private Task? _retry;
    private InstanceInfo? _lastReported;
    private InstanceInfo? _lastIdentity;
    private InstanceInfo _lastCompleted = InstanceInfo.Unknown;

    /// <summary>The identity from instance metadata, once it answered.</summary>
    public InstanceInfo? Identity => _identity;

    /// <summary>Why the last lookup failed (null before the first and after a success).</summary>
    public string? Failure => _failure;

    /// <summary>
    /// Checked once, on the first report after completion: a message makes the run stop with an
    /// <see cref="InstanceMetadataException"/> (e.g. no region anywhere, so nothing could ever be sent).
    /// </summary>
    public Func<InstanceInfo, string?>? FirstReportCheck { get; set; }

    /// <summary>Asks the source now unless the identity is known (at most <c>timeout</c>); null when it is not available.</summary>
    public Task<InstanceInfo?> LookupAsync(CancellationToken cancellationToken)
    {
        if (_identity is not null || source is null)
        {
            return Task.FromResult(_identity);
        }

        _asked = true;
        _nextRetry = clock.GetUtcNow() + RetryInterval;
        return AskAsync(source, cancellationToken);
    }

    /// <summary>Sets the report's instance to <see cref="Complete"/> of it.</summary>
    /// <exception cref="InstanceMetadataException">The first report fails <see cref="FirstReportCheck"/>.</exception>
    public void Enrich(NeuronReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Instance = Complete(report.Instance);
    }

    /// <summary>The report's instance with what it lacks filled in; the same object again while nothing changes.</summary>
    /// <exception cref="InstanceMetadataException">The first report fails <see cref="FirstReportCheck"/>.</exception>
    public InstanceInfo Complete(InstanceInfo reported)
    {
        if (ReferenceEquals(reported, _lastReported) && ReferenceEquals(_identity, _lastIdentity) && !RetryDue())
        {
            return _lastCompleted;
        }

        var known = _hasFixed ? Merge(fixedValues, reported) : reported;
        if (known.InstanceId is null && _identity is null && source is not null)
        {
            if (!_asked)
            {
                // Once, bounded by the timeout: the first reports should already carry the identity.
                LookupAsync(stopping).GetAwaiter().GetResult();
            }
            else if (RetryDue() && _retry is not { IsCompleted: false })
            {
                _nextRetry = clock.GetUtcNow() + RetryInterval;
                _retry = AskAsync(source, CancellationToken.None); // in the background: reading never waits for a retry
            }

            WarnOnceIfMissing();
        }

        var completed = known.InstanceId is null && _identity is { } identity ? Merge(known, identity) : known;
        if (!_checked && FirstReportCheck is { } check)
        {
            _checked = true;
            if (check(completed) is { } error)
            {
                throw new InstanceMetadataException(error);
            }
        }

        _lastReported = reported;
        _lastIdentity = _identity;
        if (completed != _lastCompleted)
        {
            _lastCompleted = completed; // a new object only when a value changed
        }

        return _lastCompleted;
    }

    /// <summary>Whether the reports still lack an identity that a new lookup might give.</summary>
    private bool RetryDue() => _lastCompleted.InstanceId is null && _identity is null && _asked && source is not null && clock.GetUtcNow() >= _nextRetry;

    private async Task<InstanceInfo?> AskAsync(IInstanceMetadataSource metadata, CancellationToken cancellationToken)
    {
        log.Write(LogLevel.Debug, $"asking {metadata.Description} for the instance identity (at most {timeout.TotalSeconds:0.###} s)");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var identity = await metadata.ReadAsync(limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
            _failure = null;
            _identity = identity;
            log.Write(LogLevel.Info, $"{metadata.Description}: instance {identity.InstanceId}, {identity.InstanceType ?? "(no type)"}, {identity.AvailabilityZone ?? "(no zone)"}, {identity.Region ?? "(no region)"}; used where reports lack instance_id");
            return identity;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _failure = $"{metadata.Description}: no answer within {timeout.TotalSeconds:0.###} s";
        }
        catch (InstanceMetadataException ex)
        {
            _failure = ex.Message;
        }

        return null;
    }

    private void WarnOnceIfMissing()
    {
        if (_identity is null && !_warned)
        {
            _warned = true;
            log.Write(LogLevel.Warning, $"reports have no instance_id and {_failure ?? "instance metadata is not available"}: metrics are sent without InstanceId, so the instances of a fleet share one series. Run with host networking, raise the IMDS hop limit to 2 for containers (aws ec2 modify-instance-metadata-options --http-put-response-hop-limit 2), or pass --dimension InstanceId=...");
        }
    }

    /// <summary>Each field of <paramref name="first"/>, else of <paramref name="second"/>.</summary>
    private static InstanceInfo Merge(InstanceInfo first, InstanceInfo second) => new(
        first.InstanceId ?? second.InstanceId,
        first.InstanceType ?? second.InstanceType,
        first.Region ?? second.Region,
        first.AvailabilityZone ?? second.AvailabilityZone)
    {
        UltraServerId = first.UltraServerId ?? second.UltraServerId,
    };
}
