using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NeuronMetrics.CloudWatch.Tests.Fakes;

/// <summary>
/// A scripted HTTP/1.1 server on 127.0.0.1 (raw sockets so it can reset connections). Each request
/// consumes the next scripted reply (the last one repeats); every request body is recorded.
/// </summary>
internal sealed class FakeCloudWatchServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Reply> _script;
    private readonly Reply _last;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeCloudWatchServer(params Reply[] script)
    {
        _script = new ConcurrentQueue<Reply>(script);
        _last = script[^1];
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static Reply Ok() => new(200, "<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></PutMetricDataResponse>");

    public static Reply Error(int status, string code) =>
        new(status, $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} happened</Message></Error><RequestId>req-{code}</RequestId></ErrorResponse>");

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
                var (headers, body) = await ReadRequestAsync(stream);
                if (!_script.TryDequeue(out var reply))
                {
                    reply = _last;
                }

                Requests.Enqueue(new ReceivedRequest(headers, body, reply.Status));
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

                var content = Encoding.UTF8.GetBytes(reply.Body);
                var date = (reply.Date ?? DateTimeOffset.UtcNow).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
                var head = $"HTTP/1.1 {reply.Status} X\r\nContent-Type: text/xml\r\nContent-Length: {content.Length}\r\nDate: {date}\r\nx-amzn-RequestId: hdr-{reply.Status}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(content);
                await stream.FlushAsync();
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up on this attempt (timeout); nothing to do.
            }
        }
    }

    private static async Task<(Dictionary<string, string> Headers, byte[] Body)> ReadRequestAsync(NetworkStream stream)
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

        var body = new byte[int.Parse(headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body);
        return (headers, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    internal sealed record Reply(int Status, string Body, TimeSpan Delay = default, bool Reset = false, DateTimeOffset? Date = null)
    {
        public static Reply ResetConnection() => new(0, string.Empty, Reset: true);

        public Reply Slow(TimeSpan delay) => this with { Delay = delay };
    }

    internal sealed record ReceivedRequest(Dictionary<string, string> Headers, byte[] Body, int AnsweredStatus);
}
