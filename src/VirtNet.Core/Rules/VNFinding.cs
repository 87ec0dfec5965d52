namespace VirtNet
{
    public enum FindingSeverity { Information, Warning, Error }

    /// <summary>
    /// One problem or remark about a configuration or a simulation result. RuleId names the rule that raised it
    /// (VNT... for the traffic simulation), Target the object it is about as a path (esx01/vSwitch1/vmnic2,
    /// core1/Po1).
    /// </summary>
    public sealed class VNFinding
    {
        public VNFinding(string ruleId, FindingSeverity severity, string target, string message, string recommendation)
        {
            RuleId = ruleId;
            Severity = severity;
            Target = target;
            Message = message;
            Recommendation = recommendation;
        }

        public string RuleId { get; }
        public FindingSeverity Severity { get; }
        public string Target { get; }
        public string Message { get; }
        public string Recommendation { get; }

        public override string ToString() => $"{Severity} {RuleId} {Target}: {Message}";
    }
}
