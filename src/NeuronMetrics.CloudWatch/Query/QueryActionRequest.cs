namespace NeuronMetrics.CloudWatch.Query;

/// <summary>
/// A CloudWatch API call in the AWS Query protocol other than PutMetricData (PutDashboard, PutMetricAlarm): the action
/// name and its form parameters in order, flattened as the Query protocol names them (<c>AlarmActions.member.1</c>,
/// <c>Dimensions.member.1.Name</c>, …). Encoded by <see cref="QueryActionEncoder"/> and sent by <see cref="Client.CloudWatchActionClient"/>.
/// </summary>
public sealed record QueryActionRequest(string Action, IReadOnlyList<KeyValuePair<string, string>> Parameters);
