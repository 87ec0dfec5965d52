using System.Collections.Generic;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>A change to a switch port's settings: null fields are left as they are.</summary>
    public sealed class SwitchPortChange
    {
        public SwitchPortMode? Mode { get; set; }
        public int? AccessVLan { get; set; }
        public int? NativeVLan { get; set; }
        /// <summary>IOS allowed-list text: "all", "none", or ids and ranges such as "10,20,100-110".</summary>
        public IReadOnlyList<string> AllowedVLan { get; set; }
        public PortFastMode? PortFast { get; set; }
        public int? Mtu { get; set; }
        /// <summary>spanning-tree cost N (1 to 200000000).</summary>
        public int? SpanningTreeCost { get; set; }

        /// <summary>Throws for the first invalid value (InvalidVLanId, InvalidMtu) without changing anything.</summary>
        public void Validate() => Check();

        /// <summary>Applies the change, all or nothing: every value is checked before the first one is set.</summary>
        public void Apply(VNSwitchPort port)
        {
            var allowed = Check();
            if (Mode.HasValue) port.Mode = Mode.Value;
            if (AccessVLan.HasValue) port.AccessVLan = AccessVLan.Value;
            if (NativeVLan.HasValue) port.NativeVLan = NativeVLan.Value;
            if (AllowedVLan != null) port.SetAllowedVLanFlags(allowed);
            if (PortFast.HasValue) port.PortFast = PortFast.Value;
            if (Mtu.HasValue) port.Mtu = Mtu.Value;
            if (SpanningTreeCost.HasValue) port.SpanningTreeCost = SpanningTreeCost.Value;
        }

        bool[] Check()
        {
            if (AccessVLan.HasValue) VLan.CheckSwitchVLan(AccessVLan.Value);
            if (NativeVLan.HasValue) VLan.CheckSwitchVLan(NativeVLan.Value);
            if (Mtu.HasValue) VNSwitchPort.CheckMtu(Mtu.Value);
            if (SpanningTreeCost.HasValue) VNSwitchPort.CheckCost(SpanningTreeCost.Value);
            return AllowedVLan == null ? null : VNSwitchPort.ParseAllowedVLan(AllowedVLan);
        }
    }
}
