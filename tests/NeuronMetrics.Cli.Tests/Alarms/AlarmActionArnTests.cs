using NeuronMetrics.Cli.Alarms;

namespace NeuronMetrics.Cli.Tests.Alarms;

public sealed class AlarmActionArnTests
{
    [Theory]
    [InlineData("arn:aws:sns:ap-northeast-1:123456789012:neuron-alerts")]
    [InlineData("arn:aws:automate:us-east-1:ec2:stop")]
    [InlineData("arn:aws-cn:sns:cn-north-1:123456789012:t")]
    public void Validate_Arn_IsAccepted(string arn) => AlarmActionArn.Validate(arn).Should().BeNull();

    [Theory]
    [InlineData("sns:topic")]
    [InlineData("arn:aws:sns")]
    [InlineData("arn:gcp:sns:r:1:t")]
    [InlineData("arn:aws:sns:r:1:t with space")]
    [InlineData("arn:aws::r:1:t")]
    public void Validate_NotAnArn_SaysSo(string arn) => AlarmActionArn.Validate(arn).Should().Contain("not an ARN");

    [Theory]
    [InlineData("arn:aws:automate:us-east-1:ec2:stop", true)]
    [InlineData("arn:aws:automate:us-east-1:ec2:terminate", true)]
    [InlineData("arn:aws:sns:us-east-1:123456789012:ec2", false)]
    public void IsEc2Action_Arn_OnlyAutomateEc2(string arn, bool expected) => AlarmActionArn.IsEc2Action(arn).Should().Be(expected);
}
