using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NeuronMetrics.Cli.Tests.Operations;

/// <summary>
/// An HTTP server on 127.0.0.1 standing in for CloudWatch (and STS): each request is answered by
/// <see cref="Respond"/>; every request body (gunzipped) and Authorization header is recorded.
/// </summary>
internal sealed class OpsHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Lock _lock = new();
    private readonly List<(string Body, string? Authorization)> _requests = [];

    public OpsHttpServer(Func<int, string, Task<(int Status, string Body)>> respond)
    {
        Respond = respond;
        int port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>(request number from 1, body) → response.</summary>
    public Func<int, string, Task<(int Status, string Body)>> Respond { get; }

    public IReadOnlyList<(string Body, string? Authorization)> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Datums in the PutMetricData requests answered with 200.</summary>
    public int DeliveredDatums { get; private set; }

    public static (int, string) Ok => (200, "<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>ok</RequestId></ResponseMetadata></PutMetricDataResponse>");

    public static (int, string) ServiceUnavailable => (503, "<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>down for the test</Message></Error><RequestId>x</RequestId></ErrorResponse>");

    public static int CountDatums(string body) =>
        body.Split('&').Count(p => p.StartsWith("MetricData.member.", StringComparison.Ordinal) && p.Contains(".MetricName=", StringComparison.Ordinal));

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var buffer = new MemoryStream();
            Stream input = context.Request.InputStream;
            if (string.Equals(context.Request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
            {
                input = new GZipStream(input, CompressionMode.Decompress);
            }

            await input.CopyToAsync(buffer);
            string body = Encoding.UTF8.GetString(buffer.ToArray());
            int number;
            lock (_lock)
            {
                _requests.Add((body, context.Request.Headers["Authorization"]));
                number = _requests.Count;
            }

            var (status, responseBody) = await Respond(number, body);
            if (status == 200 && body.Contains("Action=PutMetricData", StringComparison.Ordinal))
            {
                lock (_lock)
                {
                    DeliveredDatums += CountDatums(body);
                }
            }

            var bytes = Encoding.UTF8.GetBytes(responseBody);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/xml";
            context.Response.Headers["x-amzn-RequestId"] = $"req-{number}";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (timeout or shutdown): nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}
