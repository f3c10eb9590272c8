using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Cli;

/// <summary>
/// Diagnostics as one JSON object per line on stderr: {"time":"…","level":"info","message":"…"}. Written with
/// <see cref="Utf8JsonWriter"/> (no reflection: Native AOT), so any message text is escaped correctly.
/// </summary>
internal sealed class JsonLinesDiagnosticLog(StderrWriter error, LogLevel minimum, TimeProvider clock) : IDiagnosticLog
{
    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>Quotes and apostrophes as they are (this is a log line, not HTML); control characters are still escaped.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool IsEnabled(LogLevel level) => level >= minimum;

    public void Write(LogLevel level, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("time", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("level", StderrDiagnosticLog.Label(level));
                writer.WriteString("logger", "neuron-cw");
                writer.WriteString("message", message);
                writer.WriteEndObject();
            }

            _buffer.Write("\n"u8);
            error.TryWrite(_buffer.WrittenSpan);
        }
    }
}
