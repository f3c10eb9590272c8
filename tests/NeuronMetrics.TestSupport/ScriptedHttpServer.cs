using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NeuronMetrics.TestSupport;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 (free port; raw sockets so a reply can reset the connection), one request per
/// connection. Each request is answered by the next reply of a script (the last one repeats) or by a function of
/// the request; every request is recorded with the status it was given.
/// </summary>
public sealed class ScriptedHttpServer : IDisposable, IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, ScriptedReply> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _loop;

    public ScriptedHttpServer(params ScriptedReply[] script)
        : this(Replay(script))
    {
    }

    public ScriptedHttpServer(Func<RecordedRequest, ScriptedReply> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's root, without a trailing slash.</summary>
    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The server's root, with a trailing slash.</summary>
    public Uri Url => new(BaseUrl + "/");

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static Func<RecordedRequest, ScriptedReply> Replay(ScriptedReply[] script)
    {
        var queue = new ConcurrentQueue<ScriptedReply>(script);
        return _ => queue.TryDequeue(out var reply) ? reply : script[^1];
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var stream = new NetworkStream(socket, ownsSocket: false);
                var request = await ReadRequestAsync(stream);
                var reply = _respond(request);
                lock (_requests)
                {
                    _requests.Add(request with { AnsweredStatus = reply.Status });
                }

                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, _stop.Token);
                }

                if (reply.Reset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
                }

                var content = reply.RawBody ?? Encoding.UTF8.GetBytes(reply.Body);
                var date = (reply.Date ?? DateTimeOffset.UtcNow).ToString("r", CultureInfo.InvariantCulture);
                var extra = string.Concat((reply.Headers ?? new Dictionary<string, string>()).Select(h => $"{h.Key}: {h.Value}\r\n"));
                var head = $"HTTP/1.1 {reply.Status} X\r\nContent-Type: {reply.ContentType}\r\nContent-Length: {content.Length}\r\nDate: {date}\r\nx-amzn-RequestId: hdr-{reply.Status}\r\n{extra}Connection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(content);
                await stream.FlushAsync();
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up on this request (timeout or shutdown): nothing to answer.
            }
        }
    }

    private static async Task<RecordedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 4 || !(buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("client closed");
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        return new RecordedRequest(lines[0], headers, body);
    }
}
