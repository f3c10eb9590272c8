using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NeuronMetrics.Tests;

/// <summary>
/// A one-response-per-connection HTTP server on 127.0.0.1 (free port), answering every request
/// with a fixed status and body, optionally after a delay. Records the request lines.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];

    public LocalHttpServer(int status, string body, TimeSpan delay = default)
    {
        _listener.Start();
        _ = Task.Run(() => ServeAsync(status, body, delay));
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync(int status, string body, TimeSpan delay)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                lock (_requests)
                {
                    _requests.Add(head.ToString().Split("\r\n")[0]);
                }

                await Task.Delay(delay, _stop.Token);
                byte[] content = Encoding.UTF8.GetBytes(body);
                byte[] response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(response, _stop.Token);
                await stream.WriteAsync(content, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
        }
    }
}
