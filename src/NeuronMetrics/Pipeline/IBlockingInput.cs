namespace NeuronMetrics.Pipeline;

/// <summary>
/// An input read with blocking calls on one dedicated thread (stdin as a descriptor), that can wait for bytes up to a
/// deadline and be woken by <see cref="Interrupt"/> from any thread. The pipeline's timers then run on the reading
/// thread itself, between waits: a report a second costs one wake-up, not a hand-off between threads per stage.
/// </summary>
public interface IBlockingInput
{
    /// <summary>Timed out (or interrupted by a stray signal) before any byte came: see <see cref="Read"/>.</summary>
    public const int NoInputYet = -1;

    /// <summary>
    /// Reads into <paramref name="buffer"/>, waiting at most <paramref name="timeout"/> (null: as long as it takes).
    /// Returns the bytes read, 0 at end of input, or <see cref="NoInputYet"/> when the wait ended first.
    /// </summary>
    /// <exception cref="OperationCanceledException"><see cref="Interrupt"/> was called.</exception>
    int Read(Span<byte> buffer, TimeSpan? timeout);

    /// <summary>Ends a wait under way, and every later one, with <see cref="OperationCanceledException"/>. Any thread.</summary>
    void Interrupt();
}
