using NeuronMetrics.Cli.Tests.TestSupport;

namespace NeuronMetrics.Cli.Tests.Delivery;

/// <summary>Writes a report every 100 ms to a running neuron-cw, as neuron-monitor would, until disposed.</summary>
internal sealed class ReportFeed : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _feeding;

    public ReportFeed(NeuronCwProcess run)
    {
        var lines = File.ReadAllLines(RepositoryFiles.Sample("inf1.xlarge-neuroncore.jsonl"));
        _feeding = Task.Run(async () =>
        {
            for (int i = 0; !_stop.IsCancellationRequested && !run.HasExited; i++)
            {
                await run.WriteAsync(lines[i % lines.Length] + "\n");
                try
                {
                    await Task.Delay(Period, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _feeding;
        _stop.Dispose();
    }
}
