namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>A process's stderr, read line by line as it is written; waiters are woken by each new line, not by polling.</summary>
internal sealed class StderrLines
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string?> Found)> _waiters = [];
    private readonly Task _reading;
    private bool _ended;

    public StderrLines(StreamReader stderr) => _reading = ReadAsync(stderr);

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    /// <summary>All of stderr once the process closed it, one "\n" after each line.</summary>
    public async Task<string> TextAsync()
    {
        await _reading.ConfigureAwait(false);
        return string.Concat(Snapshot().Select(l => l + "\n"));
    }

    /// <summary>The first line (already written or still to come) that matches; null at end of stream or after <paramref name="timeout"/>.</summary>
    public async Task<string?> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(match) is { } existing)
            {
                return existing;
            }

            if (_ended)
            {
                return null;
            }

            _waiters.Add((match, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task ReadAsync(StreamReader stderr)
    {
        try
        {
            while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                    foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                    {
                        _waiters.Remove(waiter);
                        waiter.Found.TrySetResult(line);
                    }
                }
            }
        }
        finally
        {
            lock (_lines)
            {
                _ended = true;
                foreach (var waiter in _waiters)
                {
                    waiter.Found.TrySetResult(null);
                }

                _waiters.Clear();
            }
        }
    }
}
