using NeuronMetrics.Mapping;

namespace NeuronMetrics.Pipeline;

/// <summary>
/// Hands reports' samples (and the flush and stats ticks, in order with them) from the reading thread (read, frame,
/// parse, filter, map) to the aggregating thread (aggregator, batcher, queue), so the two run on both cores at once.
/// One producer, one consumer. A ring of slots whose sample lists are swapped, not copied, and reused: a report costs no
/// allocation, and memory is bounded by the slot count and by <see cref="MaxPendingSamples"/>; a producer that gets
/// that far ahead waits (backpressure), as it would have while doing the work itself.
/// A consumer that has nothing to take sleeps, and is woken lazily: once half the ring is filled, at a tick (a flush or
/// the stats line: it takes everything before it first), or at the end. No spinning: a fast replay costs a wake-up per
/// half ring; a live run (a report a second) about one per flush, as reports wait in the ring until a tick needs them.
/// </summary>
internal sealed class SampleHandOff
{
    public const int DefaultCapacity = 64;

    /// <summary>Samples handed over and not yet taken before the producer waits (2 MiB of samples; a live all-groups trn1.32xlarge report holds about 110).</summary>
    public const int DefaultMaxPendingSamples = 1 << 16;

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _maxRetainedSamples;
    private readonly object _gate = new();
    private long _head; // next slot the consumer takes (consumer writes)
    private long _tail; // next slot the producer fills (producer writes)
    private long _pendingSamples;
    private volatile bool _completed;
    private volatile bool _failed;
    private int _consumerWaiting;
    private int _producerWaiting;

    public SampleHandOff(int capacity = DefaultCapacity, int maxPendingSamples = DefaultMaxPendingSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPendingSamples, 1);
        if (!int.IsPow2(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a power of two");
        }

        _slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _slots[i].Samples = [];
        }

        _mask = capacity - 1;
        MaxPendingSamples = maxPendingSamples;

        // A list kept for reuse holds at most its share of the bound: one huge report does not pin its memory in every slot.
        _maxRetainedSamples = Math.Max(1, maxPendingSamples / capacity);
    }

    public int Capacity => _slots.Length;

    public int MaxPendingSamples { get; }

    private int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>
    /// Producer: hands over <paramref name="samples"/> (one report's) and gets back an empty list to fill next. Waits while
    /// the ring or <see cref="MaxPendingSamples"/> is full.
    /// </summary>
    /// <exception cref="InvalidOperationException">The consumer failed (<see cref="Fail"/>) or the hand-off is completed.</exception>
    public void Publish(ref List<MetricSample> samples)
    {
        ref var slot = ref Claim(samples.Count);
        (slot.Samples, samples) = (samples, slot.Samples);
        slot.Kind = HandOffKind.Samples;
        Interlocked.Add(ref _pendingSamples, slot.Samples.Count);
        Advance(force: false);
    }

    /// <summary>Producer: a flush (of what ended by <paramref name="at"/>) or the stats line is due; the consumer is woken for it.</summary>
    public void Post(HandOffKind kind, DateTimeOffset at = default)
    {
        if (kind is not (HandOffKind.Flush or HandOffKind.Stats))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "a tick");
        }

        ref var slot = ref Claim(0);
        slot.Kind = kind;
        slot.At = at;
        Advance(force: true);
    }

    /// <summary>Producer: nothing more comes; the consumer takes what is left, then <see cref="HandOffKind.End"/>. Idempotent.</summary>
    public void Complete()
    {
        _completed = true;
        Pulse();
    }

    /// <summary>
    /// Consumer: the next item, waiting as long as it takes; <see cref="HandOffKind.End"/> once completed and drained.
    /// For <see cref="HandOffKind.Samples"/>, <paramref name="samples"/> is valid until <see cref="Release"/>; for a tick,
    /// <paramref name="at"/> is the time it was posted with.
    /// </summary>
    public HandOffKind Take(out List<MetricSample> samples, out DateTimeOffset at)
    {
        long head = _head;
        while (Volatile.Read(ref _tail) == head)
        {
            // Read before the tail again: the producer completes after its last hand-over.
            if (_completed && Volatile.Read(ref _tail) == head)
            {
                samples = [];
                at = default;
                return HandOffKind.End;
            }

            lock (_gate)
            {
                Volatile.Write(ref _consumerWaiting, 1);
                Interlocked.MemoryBarrier(); // against Advance: either it sees this flag or this sees its tail
                while (Volatile.Read(ref _tail) == head && !_completed)
                {
                    Monitor.Wait(_gate);
                }

                Volatile.Write(ref _consumerWaiting, 0);
            }
        }

        ref var slot = ref _slots[head & _mask];
        samples = slot.Samples;
        at = slot.At;
        return slot.Kind;
    }

    /// <summary>Consumer: done with the item <see cref="Take"/> returned; its slot (and list) goes back to the producer.</summary>
    public void Release()
    {
        ref var slot = ref _slots[_head & _mask];
        int count = slot.Samples.Count;
        if (slot.Samples.Capacity > _maxRetainedSamples)
        {
            slot.Samples = [];
        }
        else
        {
            slot.Samples.Clear();
        }

        Interlocked.Add(ref _pendingSamples, -count);
        Volatile.Write(ref _head, _head + 1);
        Interlocked.MemoryBarrier(); // against Claim: either it sees this head or this sees its flag
        if (Volatile.Read(ref _producerWaiting) != 0 && HasRoomToResume())
        {
            Pulse();
        }
    }

    /// <summary>Consumer: it stopped (failed); the producer's next hand-over throws instead of waiting for it.</summary>
    public void Fail()
    {
        _failed = true;
        Pulse();
    }

    private ref Slot Claim(int samples)
    {
        ThrowIfClosed();
        if (IsFull(samples))
        {
            // The producer is ahead: a consumer not woken yet (the samples bound is reached before half the ring) must take now.
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
                Volatile.Write(ref _producerWaiting, 1);
                Interlocked.MemoryBarrier();
                while (IsFull(samples) && !_failed)
                {
                    Monitor.Wait(_gate);
                }

                Volatile.Write(ref _producerWaiting, 0);
            }

            ThrowIfClosed();
        }

        return ref _slots[_tail & _mask];
    }

    private void Advance(bool force)
    {
        Volatile.Write(ref _tail, _tail + 1);
        Interlocked.MemoryBarrier(); // against Take: either it sees this tail or this sees its flag
        if (Volatile.Read(ref _consumerWaiting) == 0)
        {
            return;
        }

        if (force || Count >= _slots.Length / 2)
        {
            Pulse();
        }
    }

    /// <summary>Full: every slot taken, or the samples bound reached (a report larger than the bound goes alone).</summary>
    private bool IsFull(int samples)
    {
        int count = Count;
        return count == _slots.Length || (count > 0 && Interlocked.Read(ref _pendingSamples) + samples > MaxPendingSamples);
    }

    /// <summary>Wakes a producer waiting for room only once half is free, not at every slot.</summary>
    private bool HasRoomToResume()
    {
        int count = Count;
        return count == 0 || (count <= _slots.Length / 2 && Interlocked.Read(ref _pendingSamples) <= MaxPendingSamples / 2);
    }

    private void ThrowIfClosed()
    {
        if (_failed)
        {
            throw new InvalidOperationException("the aggregating thread stopped");
        }

        if (_completed)
        {
            throw new InvalidOperationException("the hand-off is completed");
        }
    }

    private void Pulse()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private struct Slot
    {
        public List<MetricSample> Samples;
        public HandOffKind Kind;
        public DateTimeOffset At;
    }
}
