using System.Text;
using NeuronMetrics.CloudWatch.Errors;

namespace NeuronMetrics.CloudWatch.Tests.Errors;

public sealed class ErrorResponseParserTests
{
    [Fact]
    public void Parse_QueryXmlError_ReturnsCodeMessageAndRequestId()
    {
        const string xml = """
            <ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <Error>
                <Type>Sender</Type>
                <Code>InvalidParameterValue</Code>
                <Message>The value ∞ for parameter MetricData.member.1.Value is invalid.</Message>
              </Error>
              <RequestId>3b1f0f3c-1234-4a6b-9b0e-0123456789ab</RequestId>
            </ErrorResponse>
            """;

        var error = ErrorResponseParser.Parse(Encoding.UTF8.GetBytes(xml));

        error.Should().Be(new ServiceError(
            "InvalidParameterValue", "The value ∞ for parameter MetricData.member.1.Value is invalid.",
            "3b1f0f3c-1234-4a6b-9b0e-0123456789ab", "Sender"));
    }

    [Fact]
    public void Parse_ThrottlingWithoutRequestId_UsesHeaderRequestId()
    {
        var error = ErrorResponseParser.Parse("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>"u8, "hdr-id");

        error!.Code.Should().Be("Throttling");
        error.RequestId.Should().Be("hdr-id");
    }

    [Fact]
    public void Parse_JsonQueryCompatibleError_ReturnsShortCode()
    {
        var error = ErrorResponseParser.Parse("""{"__type":"com.amazonaws.cloudwatch#InvalidParameterValueException","message":"bad"}"""u8);

        error.Should().Be(new ServiceError("InvalidParameterValueException", "bad", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("<ErrorResponse><Error><Code>Thr")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ErrorResponse><Error><Code>&e;</Code></Error></ErrorResponse>")]
    public void Parse_UnusableBody_ReturnsNull(string body)
    {
        ErrorResponseParser.Parse(Encoding.UTF8.GetBytes(body)).Should().BeNull();
    }

    [Fact]
    public void Parse_HostileMessage_ControlCharactersSecretsAndLengthRemoved()
    {
        string message = "Bad\r\nneuron-cw: info: done: sent=999 \u009b31m\t Authorization: AWS4-HMAC-SHA256 Credential=AKIAHOSTILEKEY000001/20260101/us-east-1/monitoring/aws4_request, Signature=0123456789abcdef0123456789abcdef "
            + "\nX-Amz-Security-Token=IQoJb3JpZ2luX2VjEHostileSessionTokenValue0123456789abcdef " + string.Concat(Enumerable.Repeat("x ", 1000));
        var xml = $"<ErrorResponse><Error><Code>Throttling\r\nFake</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message></Error><RequestId>{System.Security.SecurityElement.Escape("id-1\n<b>x")}</RequestId></ErrorResponse>";

        var error = ErrorResponseParser.Parse(Encoding.UTF8.GetBytes(xml))!;

        error.Code.Should().Be("ThrottlingFake");
        error.RequestId.Should().Be("id-1bx");
        error.Message.Should().NotContainAny("\r", "\n", "\u009b", "\t", "AKIAHOSTILEKEY", "IQoJb3JpZ2lu", "0123456789abcdef0123")
            .And.StartWith("Bad neuron-cw: info").And.Contain("Authorization: <redacted>").And.Contain("X-Amz-Security-Token=<redacted>").And.EndWith("(truncated)");
        error.Message.Length.Should().BeLessThanOrEqualTo(ServiceError.MaxMessageLength + 20);
    }
}
