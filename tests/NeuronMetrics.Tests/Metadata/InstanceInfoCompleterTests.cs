using NeuronMetrics.Diagnostics;
using NeuronMetrics.Metadata;
using NeuronMetrics.Reports;

namespace NeuronMetrics.Tests.Metadata;

public sealed class InstanceInfoCompleterTests
{
    private static readonly InstanceInfo Identity = new("i-0fromimds", "inf2.xlarge", "us-west-2", "us-west-2b");
    private static readonly InstanceInfo Empty = new(null, null, null, null);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ListLog _log = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Complete_ReportHasInstanceId_UnchangedAndMetadataNotAsked()
    {
        var source = new FakeSource(Identity);
        var reported = new InstanceInfo("i-0report", "inf1.xlarge", "ap-northeast-1", "ap-northeast-1a");

        Create(source).Complete(reported).Should().Be(reported);

        source.Calls.Should().Be(0);
        _log.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Complete_NoInstanceId_FilledFromMetadataOnceAndSameObjectAfterwards()
    {
        var source = new FakeSource(Identity);
        var completer = Create(source);

        var first = completer.Complete(Empty);
        var again = completer.Complete(Empty);
        var equalButNew = completer.Complete(new InstanceInfo(null, null, null, null));

        first.Should().Be(Identity);
        again.Should().BeSameAs(first);
        equalButNew.Should().BeSameAs(first, "dimension caches key on the object");
        source.Calls.Should().Be(1);
        _log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Info && l.Message.Contains("i-0fromimds", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_ReportHasSomeFields_KeepsThemAndFillsTheRest()
    {
        var completer = Create(new FakeSource(Identity));

        completer.Complete(new InstanceInfo(null, "trn1.32xlarge", null, null))
            .Should().Be(new InstanceInfo("i-0fromimds", "trn1.32xlarge", "us-west-2", "us-west-2b"));
    }

    [Fact]
    public void Complete_ReportHasUltraServerId_KeptWhenFilledFromMetadataOrFixedValues()
    {
        var reported = new InstanceInfo(null, "trn2u.48xlarge", null, null) { UltraServerId = "us-0abc" };

        Create(new FakeSource(Identity)).Complete(reported).UltraServerId.Should().Be("us-0abc");
        new InstanceInfoCompleter(null, new InstanceInfo("i-0fixed", null, null, null), Timeout, _log, _clock).Complete(reported)
            .Should().Be(new InstanceInfo("i-0fixed", "trn2u.48xlarge", null, null) { UltraServerId = "us-0abc" });
    }

    [Fact]
    public void Enrich_Report_SetsTheCompletedInstance()
    {
        var report = new NeuronReport { Instance = Empty };

        Create(new FakeSource(Identity)).Enrich(report);

        report.Instance.Should().Be(Identity);
    }

    [Fact]
    public void Complete_FixedInstanceId_WinsOverReportAndMetadataIsNotAsked()
    {
        var source = new FakeSource(Identity);
        var completer = new InstanceInfoCompleter(source, new InstanceInfo("i-0fixed", null, null, null), Timeout, _log, _clock);

        completer.Complete(Empty).Should().Be(new InstanceInfo("i-0fixed", null, null, null));
        completer.Complete(new InstanceInfo("i-0report", "inf1.xlarge", "r", "z")).Should().Be(new InstanceInfo("i-0fixed", "inf1.xlarge", "r", "z"));
        source.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Complete_MetadataFails_WarnsOnceWithWhatToDoThenRetriesInTheBackground()
    {
        var source = new FakeSource(new InstanceMetadataException("instance metadata at http://x: no token"), Identity);
        var completer = Create(source);

        completer.Complete(Empty).Should().Be(Empty, "metrics keep flowing without the identity");
        completer.Complete(new InstanceInfo(null, "inf2.xlarge", null, null));
        _clock.Advance(InstanceInfoCompleter.RetryInterval - TimeSpan.FromSeconds(1));
        completer.Complete(Empty);
        source.Calls.Should().Be(1, "no retry before the interval");

        _log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Warning).Which.Message.Should()
            .Contain("no token").And.Contain("--dimension InstanceId=").And.Contain("hop limit").And.Contain("host networking");

        _clock.Advance(TimeSpan.FromSeconds(1));
        completer.Complete(Empty);
        await source.Answered(2).WaitAsync(Timeout);
        await WaitForIdentityAsync(completer);
        completer.Complete(Empty).Should().Be(Identity);
    }

    [Fact]
    public void Complete_MetadataNeverAnswers_GivesUpAfterTheTimeout()
    {
        var source = new FakeSource(new TaskCompletionSource<InstanceInfo>().Task); // never completes
        var completer = new InstanceInfoCompleter(source, InstanceInfo.Unknown, TimeSpan.FromMilliseconds(200), _log, _clock);

        completer.Complete(Empty).Should().Be(Empty);

        completer.Failure.Should().Be("fake: no answer within 0.2 s");
        _log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Warning && l.Message.Contains("no answer within 0.2 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_NoSource_WarnsOnceAndKeepsTheReport()
    {
        var completer = new InstanceInfoCompleter(null, InstanceInfo.Unknown, Timeout, _log, _clock);

        completer.Complete(Empty).Should().Be(Empty);
        completer.Complete(new InstanceInfo(null, "x", null, null));

        _log.Lines.Should().BeEmpty("without a source (--imds-timeout off) there is nothing to ask and nothing to say");
    }

    [Fact]
    public void Complete_FirstReportCheckFails_ThrowsWithItsMessageOnce()
    {
        var completer = Create(new FakeSource(new InstanceMetadataException("down")));
        completer.FirstReportCheck = info => info.Region is null ? "no region" : null;

        var act = () => completer.Complete(Empty);

        act.Should().Throw<InstanceMetadataException>().WithMessage("no region");
        completer.Complete(new InstanceInfo(null, "x", null, null)).Should().Be(new InstanceInfo(null, "x", null, null), "checked on the first report only");
    }

    [Fact]
    public void Complete_FirstReportCheckPasses_ReportWithIdIsChecked()
    {
        InstanceInfo? checkedInfo = null;
        var completer = Create(new FakeSource(Identity));
        completer.FirstReportCheck = info =>
        {
            checkedInfo = info;
            return null;
        };
        var reported = new InstanceInfo("i-0report", null, "eu-west-1", null);

        completer.Complete(reported).Should().Be(reported);

        checkedInfo.Should().Be(reported);
    }

    [Fact]
    public async Task LookupAsync_AtStartup_CountsAsTheFirstAskAndIsCached()
    {
        var source = new FakeSource(Identity);
        var completer = Create(source);

        (await completer.LookupAsync(CancellationToken.None)).Should().Be(Identity);
        completer.Complete(Empty).Should().Be(Identity);

        source.Calls.Should().Be(1);
    }

    private InstanceInfoCompleter Create(FakeSource source) => new(source, InstanceInfo.Unknown, Timeout, _log, _clock);

    private static async Task WaitForIdentityAsync(InstanceInfoCompleter completer)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (completer.Identity is null)
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(10);
        }
    }

    /// <summary>Answers each call with the next scripted outcome (the last repeats).</summary>
    private sealed class FakeSource(params object[] outcomes) : IInstanceMetadataSource
    {
        private readonly List<TaskCompletionSource> _answered = [];
        private int _calls;

        public string Description => "fake";

        public int Calls => Volatile.Read(ref _calls);

        public Task Answered(int calls)
        {
            lock (_answered)
            {
                while (_answered.Count < calls)
                {
                    _answered.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                return _answered[calls - 1].Task;
            }
        }

        public async Task<InstanceInfo> ReadAsync(CancellationToken cancellationToken)
        {
            int call = Interlocked.Increment(ref _calls);
            var outcome = outcomes[Math.Min(call, outcomes.Length) - 1];
            try
            {
                return outcome switch
                {
                    InstanceInfo info => info,
                    Exception ex => throw ex,
                    Task<InstanceInfo> pending => await pending.WaitAsync(cancellationToken),
                    _ => throw new InvalidOperationException(),
                };
            }
            finally
            {
                _ = Answered(call);
                lock (_answered)
                {
                    _answered[call - 1].TrySetResult();
                }
            }
        }
    }
}
