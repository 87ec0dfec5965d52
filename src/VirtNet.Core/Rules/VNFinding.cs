using System;

namespace VirtNet
{
    /// <summary>
    /// One problem found in a configuration: which rule, how bad, where (a path such as esx01/vSwitch1/vmnic2
    /// or core1/Gi1/0/2), what is wrong and what to do. Scripts act on RuleId, Severity and Target.
    /// </summary>
    public sealed class VNFinding
    {
        public VNFinding(string ruleId, Severity severity, string target, string message, string recommendation)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Severity = severity;
            Target = target ?? throw new ArgumentNullException(nameof(target));
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Recommendation = recommendation ?? "";
        }

        public string RuleId { get; }
        public Severity Severity { get; }
        public string Target { get; }
        public string Message { get; }
        public string Recommendation { get; }

        public override string ToString() => $"{Severity} {RuleId} {Target}: {Message}";
    }
}
