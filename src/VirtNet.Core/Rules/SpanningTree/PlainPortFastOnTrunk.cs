using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNS002. IOS applies plain "spanning-tree portfast" only in non-trunking mode ("will only have effect when
    /// the interfaces are in a non-trunking mode"); trunks need "portfast trunk" (or "portfast edge trunk").
    /// </summary>
    internal sealed class PlainPortFastOnTrunk : RuleDefinition
    {
        public PlainPortFastOnTrunk() : base("VNS002", Severity.Warning,
            "Plain PortFast on a trunk has no effect",
            "Cisco IOS applies spanning-tree portfast only to ports in access mode; on a trunk it warns that the " +
            "command has no effect, and the port still listens and learns for twice the forward delay after each " +
            "link-up. The configuration looks right but gives none of PortFast's protection against false HA isolation.",
            "On trunks use spanning-tree portfast trunk (spanning-tree portfast edge trunk on newer IOS; " +
            "Set-VNSwitchPort -PortFast Trunk).",
            "Cisco Catalyst 3750 configuration guide (spanning-tree portfast trunk); VMware KB 1003804")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var port in scope.SwitchPorts)
                if (port.Mode == SwitchPortMode.Trunk && port.PortFast == PortFastMode.Enabled)
                    yield return Finding(port.Path,
                        $"{port.Path} is a trunk with plain spanning-tree portfast, which IOS ignores on trunks: it forwards only after {SpanningTreeDelay.Text(port)}.");
        }
    }
}
