using System.Net.Http.Headers;
using NeuronMetrics.CloudWatch.Retry;

namespace NeuronMetrics.CloudWatch.Transport;

/// <summary>
/// POSTs request bodies over one long-lived HttpClient. Pooled connections are recycled every few
/// minutes so DNS changes are seen; no redirects (they would not be re-signed). Timeouts are the AWS SDKs': a
/// connection must be made within the connect timeout, and the response must have arrived within the read
/// timeout after that, so one attempt ends after connect + read timeout at most.
/// </summary>
internal sealed class HttpTransport : IDisposable
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>How long a pooled connection may be reused before a fresh one (and a fresh DNS lookup) is made.</summary>
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Bytes of an error body worth reading; CloudWatch errors are a few hundred bytes.</summary>
    private const int MaxResponseBodyBytes = 64 * 1024;

    private readonly HttpClient _client;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _readTimeout;

    public HttpTransport(TimeSpan connectTimeout, TimeSpan readTimeout, HttpMessageHandler? handler = null)
    {
        _attemptTimeout = connectTimeout + readTimeout;
        _readTimeout = readTimeout;
        handler ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            UseCookies = false,
            UseProxy = true,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Sends one attempt. Throws <see cref="TransportException"/> when no response arrived (in time).</summary>
    public async Task<TransportResponse> PostAsync(
        Uri uri,
        byte[] body,
        int bodyLength,
        string? contentEncoding,
        IEnumerable<KeyValuePair<string, string>> signedHeaders,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_attemptTimeout);

        using var content = new ByteArrayContent(body, 0, bodyLength);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        foreach (var header in signedHeaders)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var responseBody = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            return new TransportResponse((int)response.StatusCode, responseBody, response.Headers.Date, requestId);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransportException(TransportFailure.Timeout, $"no response within the read timeout ({_readTimeout.TotalSeconds:0.###} s)", ex);
        }
        catch (HttpRequestException ex)
        {
            // Only a failure to connect is sure not to have sent anything.
            var failure = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
                ? TransportFailure.ConnectionFailure
                : TransportFailure.ConnectionLost;
            throw new TransportException(failure, ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new TransportException(TransportFailure.ConnectionLost, ex.Message, ex);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(MaxResponseBodyBytes);
            try
            {
                var total = 0;
                int read;
                while (total < MaxResponseBodyBytes
                    && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxResponseBodyBytes - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer.AsSpan(0, total).ToArray();
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
