using NeuronMetrics.Pipeline;

namespace NeuronMetrics.Tests;

/// <summary>
/// A blocking input that hands out its chunks, then ends (<paramref name="endAfterChunks"/>) or waits, as a silent
/// neuron-monitor pipe does, until interrupted. <see cref="Waiting"/> is set once it waits with nothing left to give.
/// </summary>
internal sealed class ScriptedBlockingInput(IEnumerable<byte[]> chunks, bool endAfterChunks) : IBlockingInput
{
    private readonly Queue<byte[]> _chunks = new(chunks);
    private readonly ManualResetEventSlim _interrupted = new();

    public ManualResetEventSlim Waiting { get; } = new();

    public List<TimeSpan?> Timeouts { get; } = [];

    public int Read(Span<byte> buffer, TimeSpan? timeout)
    {
        Timeouts.Add(timeout);
        if (_interrupted.IsSet)
        {
            throw new OperationCanceledException();
        }

        if (_chunks.TryDequeue(out var chunk))
        {
            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        if (endAfterChunks)
        {
            return 0;
        }

        Waiting.Set();
        _interrupted.Wait(TimeSpan.FromMinutes(2)); // bounded: a test that never interrupts fails instead of hanging
        throw new OperationCanceledException();
    }

    public void Interrupt() => _interrupted.Set();
}
