using NeuronMetrics.Mapping;
using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Tests.Pipeline;

public sealed class SampleHandOffTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private static readonly MetricKey Key = new("M", "Count", [], "i-1");

    private static List<MetricSample> Report(params double[] values) =>
        [.. values.Select(v => new MetricSample(Key, v, DateTimeOffset.UnixEpoch))];

    private static double[] Values(List<MetricSample> samples) => [.. samples.Select(s => s.Value)];

    /// <summary>A two-slot ring holding reports 1 and 2, and report 3 published on another thread (waiting for room).</summary>
    private static (SampleHandOff HandOff, Task Third) FullRingAndAWaitingPublish()
    {
        var handOff = new SampleHandOff(capacity: 2);
        var a = Report(1);
        var b = Report(2);
        handOff.Publish(ref a);
        handOff.Publish(ref b);
        var third = Task.Run(() =>
        {
            var c = Report(3);
            handOff.Publish(ref c);
        });
        return (handOff, third);
    }

    [Fact]
    public void Take_AfterPublishesAndTicks_ReturnsThemInOrderThenEnd()
    {
        var handOff = new SampleHandOff();
        var first = Report(1, 2);
        handOff.Publish(ref first);
        handOff.Post(HandOffKind.Flush, DateTimeOffset.UnixEpoch.AddMinutes(1));
        var second = Report(3);
        handOff.Publish(ref second);
        handOff.Post(HandOffKind.Stats);
        handOff.Complete();

        handOff.Take(out var samples, out _).Should().Be(HandOffKind.Samples);
        Values(samples).Should().Equal(1, 2);
        handOff.Release();
        handOff.Take(out _, out var at).Should().Be(HandOffKind.Flush);
        at.Should().Be(DateTimeOffset.UnixEpoch.AddMinutes(1), "a flush is of what ended when it was posted");
        handOff.Release();
        handOff.Take(out samples, out _).Should().Be(HandOffKind.Samples);
        Values(samples).Should().Equal(3);
        handOff.Release();
        handOff.Take(out _, out _).Should().Be(HandOffKind.Stats);
        handOff.Release();
        handOff.Take(out _, out _).Should().Be(HandOffKind.End);
    }

    [Fact]
    public void Publish_GivesBackAnEmptyList_TheSameFewListsOverAndOver()
    {
        var handOff = new SampleHandOff(capacity: 4);
        var seen = new HashSet<List<MetricSample>>(ReferenceEqualityComparer.Instance);
        var samples = Report();
        for (int i = 0; i < 100; i++)
        {
            samples.Add(new MetricSample(Key, i, DateTimeOffset.UnixEpoch));
            handOff.Publish(ref samples);
            samples.Should().BeEmpty();
            seen.Add(samples);
            handOff.Take(out var taken, out _).Should().Be(HandOffKind.Samples);
            Values(taken).Should().Equal(i);
            handOff.Release();
        }

        seen.Count.Should().BeLessThanOrEqualTo(handOff.Capacity + 1, "lists are recycled, not allocated per report");
    }

    [Fact]
    public async Task Publish_RingFull_WaitsUntilTheConsumerFreesHalf()
    {
        var (handOff, third) = FullRingAndAWaitingPublish();
        (await Task.WhenAny(third, Task.Delay(200))).Should().NotBeSameAs(third, "both slots are taken");
        handOff.Take(out var samples, out _).Should().Be(HandOffKind.Samples);
        Values(samples).Should().Equal(1);
        handOff.Release();

        await third.WaitAsync(Generous);
        handOff.Take(out samples, out _).Should().Be(HandOffKind.Samples);
        Values(samples).Should().Equal(2);
    }

    [Fact]
    public async Task Publish_OverTheSampleBound_WaitsButAReportLargerThanTheBoundGoesAlone()
    {
        var handOff = new SampleHandOff(capacity: 8, maxPendingSamples: 4);
        var large = Report(1, 2, 3, 4, 5, 6);
        handOff.Publish(ref large); // an empty hand-off takes any report

        var next = Task.Run(() =>
        {
            var small = Report(7);
            handOff.Publish(ref small);
        });
        (await Task.WhenAny(next, Task.Delay(200))).Should().NotBeSameAs(next, "6 samples wait against a bound of 4");
        handOff.Take(out _, out _).Should().Be(HandOffKind.Samples);
        handOff.Release();

        await next.WaitAsync(Generous);
        handOff.Take(out var samples, out _).Should().Be(HandOffKind.Samples);
        Values(samples).Should().Equal(7);
    }

    [Fact]
    public void Release_AListGrownPastItsShareOfTheBound_IsNotKeptForReuse()
    {
        var handOff = new SampleHandOff(capacity: 2, maxPendingSamples: 8); // a kept list holds at most 4
        var large = Report(1, 2, 3, 4, 5, 6);
        var given = large;
        handOff.Publish(ref large);
        handOff.Take(out _, out _);
        handOff.Release();

        var returned = new List<List<MetricSample>>();
        for (int i = 0; i < 4; i++)
        {
            var samples = Report(i);
            handOff.Publish(ref samples);
            returned.Add(samples);
            handOff.Take(out _, out _);
            handOff.Release();
        }

        returned.Should().NotContain(l => ReferenceEquals(l, given));
        returned.Should().OnlyContain(l => l.Capacity <= 4);
    }

    [Fact]
    public async Task Take_Empty_WaitsUntilCompletedThenEnds()
    {
        var handOff = new SampleHandOff();
        var taking = Task.Run(() => handOff.Take(out _, out _));
        (await Task.WhenAny(taking, Task.Delay(100))).Should().NotBeSameAs(taking);

        handOff.Complete();

        await taking.WaitAsync(Generous);
        (await taking).Should().Be(HandOffKind.End);
    }

    [Fact]
    public async Task Take_WaitingConsumer_WokenByATickByHalfTheRingAndByTheEnd()
    {
        var handOff = new SampleHandOff(capacity: 4);
        var taken = new List<HandOffKind>();
        using var took = new SemaphoreSlim(0);
        var consumer = Task.Run(() =>
        {
            while (handOff.Take(out _, out _) is var kind && kind != HandOffKind.End)
            {
                handOff.Release();
                lock (taken)
                {
                    taken.Add(kind);
                }

                took.Release();
            }
        });

        handOff.Post(HandOffKind.Flush);
        (await took.WaitAsync(Generous)).Should().BeTrue("a tick wakes the consumer");
        var first = Report(1);
        handOff.Publish(ref first); // one report of a ring of 4: the consumer may sleep through it...
        var second = Report(2);
        handOff.Publish(ref second); // ...but not through half the ring
        (await took.WaitAsync(Generous)).Should().BeTrue("half the ring wakes the consumer");
        (await took.WaitAsync(Generous)).Should().BeTrue();
        var last = Report(3);
        handOff.Publish(ref last);
        handOff.Complete(); // the end wakes it for what is left
        await consumer.WaitAsync(Generous);

        taken.Should().Equal(HandOffKind.Flush, HandOffKind.Samples, HandOffKind.Samples, HandOffKind.Samples);
    }

    [Fact]
    public void Publish_AfterTheConsumerFailed_Throws()
    {
        var handOff = new SampleHandOff();
        handOff.Fail();
        var samples = Report(1);

        var publish = () => handOff.Publish(ref samples);

        publish.Should().Throw<InvalidOperationException>().WithMessage("*aggregating thread stopped*");
    }

    [Fact]
    public async Task Publish_WaitingForRoomWhenTheConsumerFails_Throws()
    {
        var (handOff, third) = FullRingAndAWaitingPublish();

        handOff.Fail();

        var wait = () => third.WaitAsync(Generous);
        await wait.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public void Publish_AfterComplete_Throws()
    {
        var handOff = new SampleHandOff();
        handOff.Complete();
        var samples = Report(1);

        var publish = () => handOff.Publish(ref samples);

        publish.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task PublishAndTake_OnTwoThreads_EveryItemInOrder()
    {
        // A small ring, so both sides wait for each other many times: a lost wake-up would hang the test (bounded).
        var handOff = new SampleHandOff(capacity: 4, maxPendingSamples: 6);
        const int Reports = 20_000;
        var producer = Task.Run(() =>
        {
            var samples = Report();
            for (int i = 0; i < Reports; i++)
            {
                for (int n = 0; n < 1 + (i % 3); n++)
                {
                    samples.Add(new MetricSample(Key, i, DateTimeOffset.UnixEpoch));
                }

                handOff.Publish(ref samples);
                if (i % 100 == 0)
                {
                    handOff.Post(HandOffKind.Flush);
                }
            }

            handOff.Complete();
        });
        var consumer = Task.Run(() =>
        {
            int next = 0;
            int flushes = 0;
            while (handOff.Take(out var samples, out _) is var kind && kind != HandOffKind.End)
            {
                if (kind == HandOffKind.Flush)
                {
                    flushes++;
                    (next - 1).Should().Be(100 * (flushes - 1), "a tick comes after the report before it");
                }
                else
                {
                    samples.Should().HaveCount(1 + (next % 3)).And.OnlyContain(s => s.Value == next);
                    next++;
                }

                handOff.Release();
            }

            return next;
        });

        await producer.WaitAsync(Generous);
        (await consumer.WaitAsync(Generous)).Should().Be(Reports);
    }
}
