using System.Text.Json;
using System.Xml;

namespace NeuronMetrics.CloudWatch.Errors;

/// <summary>
/// Parses a CloudWatch error body: the Query protocol XML
/// (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>),
/// or, tolerated, the awsQueryCompatible JSON shape (<c>__type</c>, <c>message</c>).
/// Never throws: an unparseable body yields null and the caller falls back to the HTTP status. What the body
/// says is sanitized (<see cref="ServiceError.FromEndpoint"/>).
/// </summary>
internal static class ErrorResponseParser
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public static ServiceError? Parse(ReadOnlySpan<byte> body, string? headerRequestId = null)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return null;
        }

        return trimmed[0] == (byte)'{' ? ParseJson(trimmed, headerRequestId) : ParseXml(trimmed, headerRequestId);
    }

    private static ServiceError? ParseXml(ReadOnlySpan<byte> body, string? headerRequestId)
    {
        string? code = null, message = null, type = null, requestId = null;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            reader.MoveToContent();
            while (!reader.EOF)
            {
                // ReadElementContentAsString already moves to the next node, so only Read() otherwise.
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Code":
                        code ??= reader.ReadElementContentAsString();
                        break;
                    case "Message":
                        message ??= reader.ReadElementContentAsString();
                        break;
                    case "Type":
                        type ??= reader.ReadElementContentAsString();
                        break;
                    case "RequestId":
                    case "RequestID":
                        requestId ??= reader.ReadElementContentAsString();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // Keep what was read before the error (e.g. a truncated body).
        }

        return code is null ? null : ServiceError.FromEndpoint(code, message, requestId ?? headerRequestId, type);
    }

    private static ServiceError? ParseJson(ReadOnlySpan<byte> body, string? headerRequestId)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            string? code = null, message = null;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                if (name is "__type" or "code" or "Code")
                {
                    code ??= reader.GetString();
                }
                else if (name is "message" or "Message")
                {
                    message ??= reader.GetString();
                }
            }

            if (code is null)
            {
                return null;
            }

            // "__type" may be "com.amazonaws.cloudwatch#InvalidParameterValueException" or "aws.protocoltests#Code".
            var hash = code.LastIndexOf('#');
            return ServiceError.FromEndpoint(hash >= 0 ? code[(hash + 1)..] : code, message, headerRequestId);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
