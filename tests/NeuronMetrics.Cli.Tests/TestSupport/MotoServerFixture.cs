using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NeuronMetrics.Cli.Tests.TestSupport;

/// <summary>
/// A moto_server (an independent CloudWatch implementation) on loopback: the one in
/// NEURON_CW_MOTO_URL when CI started it, else one started here on a free port and stopped at the end.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private Process? _server;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("NEURON_CW_MOTO_URL") is { Length: > 0 } url)
        {
            Url = url.TrimEnd('/');
        }
        else
        {
            int port = FreePort();
            Url = $"http://127.0.0.1:{port}";
            var startInfo = new ProcessStartInfo("moto_server")
            {
                ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            try
            {
                _server = Process.Start(startInfo);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("moto_server (moto 5.2.1) is needed for these tests: install it or set NEURON_CW_MOTO_URL", ex);
            }

            // Drain its request log so it never blocks on a full pipe.
            _server!.OutputDataReceived += (_, _) => { };
            _server.ErrorDataReceived += (_, _) => { };
            _server.BeginOutputReadLine();
            _server.BeginErrorReadLine();
        }

        await WaitUntilAnsweringAsync().ConfigureAwait(false);
    }

    public Task DisposeAsync()
    {
        if (_server is { } server)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }

            server.Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url + "/moto-api/")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline || _server is { HasExited: true })
            {
                throw new InvalidOperationException($"moto_server at {Url} did not answer within {StartTimeout.TotalSeconds} s");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
