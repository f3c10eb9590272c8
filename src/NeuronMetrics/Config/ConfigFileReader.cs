namespace NeuronMetrics.Config;

/// <summary>
/// Reads a config file with bounds, so a wrong path cannot hang or exhaust the process: a
/// directory is named as one, more than <see cref="MaxBytes"/> is refused without reading further
/// (<c>-c /dev/zero</c>), and a file that gives nothing within the timeout (a FIFO nobody writes
/// to) is refused instead of waiting forever.
/// </summary>
public static class ConfigFileReader
{
    /// <summary>A real monitor.conf is a few KB; anything beyond this is not one.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How long opening and reading the file may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <exception cref="ConfigException">The file cannot be used; the message names it and says why.</exception>
    public static byte[] Read(string path, TimeSpan timeout)
    {
        if (Directory.Exists(path))
        {
            throw new ConfigException($"{path}: is a directory, not a config file");
        }

        // A regular file with bytes in it cannot block: read here (a thread of its own costs start-up time).
        if (new FileInfo(path) is { Exists: true, Length: > 0 and <= MaxBytes })
        {
            return ReadBounded(path);
        }

        // On a thread of its own: opening a FIFO blocks until a writer comes, and that cannot be cancelled.
        // (A FIFO, a device such as /dev/zero and an empty file all have a length of 0.)
        var reading = Task.Factory.StartNew(() => ReadBounded(path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (Task.WaitAny([reading], timeout) < 0)
        {
            throw new ConfigException($"{path}: nothing could be read within {timeout.TotalSeconds:0.#} s (a FIFO nobody writes to?)");
        }

        return reading.GetAwaiter().GetResult();
    }

    private static byte[] ReadBounded(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var buffer = new byte[16 * 1024];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > MaxBytes)
                    {
                        throw new ConfigException($"{path}: larger than {MaxBytes / 1024 / 1024} MiB, so not a neuron-monitor config (a monitor.conf is a few KB)");
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBytes + 1));
                }

                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return buffer[..length];
                }

                length += read;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read config: {ex.Message}");
        }
    }
}
