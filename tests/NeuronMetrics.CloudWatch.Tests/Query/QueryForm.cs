using System.Globalization;
using System.Text;

namespace NeuronMetrics.CloudWatch.Tests.Query;

/// <summary>
/// A Query protocol body decoded into its parameters, in order, so two bodies can be compared by meaning: the same
/// keys in the same order, equal text, and numbers equal as doubles ("100" and "100.0" are the same value).
/// </summary>
internal static class QueryForm
{
    public static IReadOnlyList<(string Key, string Value)> Decode(ReadOnlySpan<byte> body) =>
        [.. Encoding.ASCII.GetString(body).Split('&').Select(Pair)];

    /// <summary>Fails with the first parameter that differs.</summary>
    public static void ShouldMeanTheSame(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
    {
        var got = Decode(actual);
        var want = Decode(expected);
        got.Select(p => p.Key).Should().Equal(want.Select(p => p.Key), "the parameters and their order match botocore's");
        for (int i = 0; i < want.Count; i++)
        {
            if (IsNumericKey(want[i].Key) && IsNumber(want[i].Value, out double wanted))
            {
                IsNumber(got[i].Value, out double value).Should().BeTrue($"{got[i].Key}={got[i].Value} is a number");
                value.Should().Be(wanted, got[i].Key);
            }
            else
            {
                got[i].Value.Should().Be(want[i].Value, got[i].Key);
            }
        }
    }

    /// <summary>Value, Values, Counts, StatisticValues and StorageResolution members; not dimension values, which are text.</summary>
    private static bool IsNumericKey(string key) =>
        !key.Contains(".Dimensions.", StringComparison.Ordinal)
        && (key.EndsWith(".Value", StringComparison.Ordinal) || key.EndsWith(".StorageResolution", StringComparison.Ordinal)
            || key.Contains(".Values.member.", StringComparison.Ordinal) || key.Contains(".Counts.member.", StringComparison.Ordinal)
            || key.Contains(".StatisticValues.", StringComparison.Ordinal));

    private static (string Key, string Value) Pair(string parameter)
    {
        int equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return (Unescape(parameter[..equals]), Unescape(parameter[(equals + 1)..]));
    }

    // application/x-www-form-urlencoded: '+' is a space, the rest is percent-encoded UTF-8.
    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool IsNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
