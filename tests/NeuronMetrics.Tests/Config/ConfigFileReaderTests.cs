using NeuronMetrics.Config;

namespace NeuronMetrics.Tests.Config;

/// <summary>Config paths that are not config files: refused in bounded time and memory, with the reason.</summary>
public sealed class ConfigFileReaderTests
{
    private readonly ListLog _log = new();

    [Fact]
    public void LoadFile_Directory_SaysItIsADirectory()
    {
        string directory = Directory.CreateTempSubdirectory("neuron-cw-conf-").FullName;
        try
        {
            var act = () => MonitorConfigLoader.LoadFile(directory, _log);

            act.Should().Throw<ConfigException>().Which.Message.Should().Be($"{directory}: is a directory, not a config file");
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void LoadFile_EndlessDevice_RefusedAfterOneMebibyte()
    {
        var act = () => MonitorConfigLoader.LoadFile("/dev/zero", _log);

        act.Should().Throw<ConfigException>().Which.Message.Should().Be("/dev/zero: larger than 1 MiB, so not a neuron-monitor config (a monitor.conf is a few KB)");
    }

    [Fact]
    public void LoadFile_LargeFile_Refused()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"pad\":\"" + new string('x', ConfigFileReader.MaxBytes) + "\"}");

            var act = () => MonitorConfigLoader.LoadFile(path, _log);

            act.Should().Throw<ConfigException>().Which.Message.Should().StartWith($"{path}: larger than 1 MiB");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_FifoWithoutWriter_RefusedAfterTheTimeout()
    {
        string directory = Directory.CreateTempSubdirectory("neuron-cw-fifo-").FullName;
        string fifo = Path.Combine(directory, "monitor.conf");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        try
        {
            var act = () => MonitorConfigLoader.LoadFile(fifo, _log, TimeSpan.FromMilliseconds(200));

            act.Should().Throw<ConfigException>().Which.Message.Should().Be($"{fifo}: nothing could be read within 0.2 s (a FIFO nobody writes to?)");
        }
        finally
        {
            // Opening it for writing releases the reader thread still blocked in open(2).
            using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            Directory.Delete(directory, recursive: true);
        }
    }
}
