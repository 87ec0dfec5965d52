using System.Collections.Generic;

namespace VirtNet
{
    /// <summary>A port group: a VLAN and a teaming policy (inherited from its vSwitch field by field unless overridden).</summary>
    public sealed class VNPortGroup
    {
        readonly List<VNVirtualAdapter> _ports = new List<VNVirtualAdapter>();
        int _vlanId;

        internal VNPortGroup(VNVirtualSwitch vswitch, string name, int vlanId)
        {
            VirtualSwitch = vswitch;
            Name = name;
            _vlanId = vlanId;
        }

        public string Name { get; }
        public int VLanId { get => _vlanId; set => _vlanId = Net.VLan.CheckPortGroupVLan(value); }
        public VNVirtualSwitch VirtualSwitch { get; private set; }
        public VNHost Host => VirtualSwitch?.Host;
        /// <summary>The connected VM adapters and VMkernel/Service Console ports, in connection order.</summary>
        public IReadOnlyList<VNVirtualAdapter> Ports => _ports;
        public VNTeamingPolicy TeamingPolicy => VNTeamingPolicy.For(this);
        public string Path => VirtualSwitch == null ? Name : VirtualSwitch.Path + "/" + Name;

        internal TeamingSettings Teaming { get; } = new TeamingSettings();

        internal void Connect(VNVirtualAdapter adapter, int? portId = null)
        {
            VirtualSwitch.ReservePort();
            if (portId.HasValue)
            {
                if (portId.Value >= VirtualSwitch.NextPortId) VirtualSwitch.NextPortId = portId.Value + 1;
            }
            adapter.Attach(this, portId ?? VirtualSwitch.AllocatePortId());
            _ports.Add(adapter);
        }

        internal void Release(VNVirtualAdapter adapter) => _ports.Remove(adapter);

        /// <summary>
        /// Puts the ports back in connection order after a saved model was reloaded with explicit port ids: ids are
        /// handed out in connection order, so port id order is the order the ports were first connected in.
        /// </summary>
        internal void SortPortsByPortId() => _ports.Sort((a, b) => a.PortId.CompareTo(b.PortId));

        /// <summary>Removes this port group from its vSwitch (see <see cref="VNVirtualSwitch.RemovePortGroup"/>); nothing to do once removed.</summary>
        public void Remove(bool force) => VirtualSwitch?.RemovePortGroup(this, force);

        internal void Detach() => VirtualSwitch = null;

        public override string ToString() => Name;
    }
}
