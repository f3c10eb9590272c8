namespace NeuronMetrics.TestSupport;

/// <summary>PutMetricData answers as CloudWatch (Query protocol, XML) gives them, for <see cref="ScriptedHttpServer"/>.</summary>
public static class CloudWatchReplies
{
    public static ScriptedReply Ok() => new(200, "<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></PutMetricDataResponse>");

    public static ScriptedReply Error(int status, string code) =>
        new(status, $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} happened</Message></Error><RequestId>req-{code}</RequestId></ErrorResponse>");
}
