using NeuronMetrics.Diagnostics;

namespace NeuronMetrics.Tests.Diagnostics;

public sealed class SecretScrubberTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Theory]
    // AWSSDK's INI parse error quotes the malformed line, whatever it holds.
    [InlineData("Line 3:<aws_secret_access_key " + Secret + "\n> in file /root/.aws/credentials does not contain a section", "Line 3:<redacted> in file /root/.aws/credentials does not contain a section")]
    [InlineData("Line 7:<just-a-short-secret\n> in file c", "Line 7:<redacted> in file c")]
    [InlineData("aws_secret_access_key = " + Secret, "aws_secret_access_key=<redacted>")]
    [InlineData("aws_session_token=abc", "aws_session_token=<redacted>")]
    [InlineData("{\"SecretAccessKey\":\"shortone\",\"Token\":\"t0k\"}", "{\"SecretAccessKey=<redacted>\",\"Token=<redacted>\"}")]
    [InlineData("Authorization: AWS4-HMAC-SHA256 Credential=AKID/2026", "Authorization: <redacted>")]
    [InlineData("signed with Credential=AKIDX/20260101/us-east-1, Signature=abc123", "signed with Credential=<redacted>, Signature=<redacted>")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE used", "key <redacted> used")]
    [InlineData("secret " + Secret + " seen", "secret <redacted> seen")]
    [InlineData("a\r\nb\tc\u001b[31md\u202Ee", "a  b c [31md e")]
    public void Scrub_SecretsAndControls_Redacted(string text, string expected) =>
        SecretScrubber.Scrub(text).Should().Be(expected);

    [Theory]
    [InlineData("The security token included in the request is invalid.")]
    [InlineData("MissingAuthenticationToken: Request is missing Authentication Token")]
    [InlineData("no response within the read timeout (60 s)")]
    [InlineData("Unable to find the \"default\" profile.")]
    public void Scrub_OrdinaryMessages_Unchanged(string text) => SecretScrubber.Scrub(text).Should().Be(text);

    [Fact]
    public void Scrub_LongText_CappedAfterRedaction()
    {
        string text = new string('a', 30) + " " + Secret + new string(' ', 1000);

        string scrubbed = SecretScrubber.Scrub(text, 50);

        scrubbed.Should().StartWith(new string('a', 30) + " <redacted>").And.EndWith("… (truncated)").And.NotContain(Secret[..10]);
    }
}
