using VirtNet.Net;

namespace VirtNet.Labs
{
    /// <summary>
    /// The lab of "Understanding NIC Utilization in VMware ESX" (blog.scottlowe.org, 16 July 2008), in the state
    /// the article starts from: NIC teaming without any physical switch configuration.
    /// <list type="bullet">
    /// <item>A VMware Infrastructure 3 host (ESX 3.5) with IP-based storage: a VMkernel NIC that reaches two
    /// NFS/iSCSI targets ("when a VMkernel NIC is accessing two different iSCSI targets").</item>
    /// <item>One vSwitch with two uplinks, teamed with "Route based on originating virtual port ID", the ESX
    /// default, and no EtherChannel on the switch. "Every VM and every VMkernel port gets its own virtual port
    /// ID": the Service Console, the VMkernel port and the VMs share the vSwitch.</item>
    /// <item>A Cisco Catalyst 3750 stack, the article's example of a switch with cross-stack link aggregation.
    /// One uplink goes to each stack member (Gi1/0/1, Gi2/0/1), so the "with link aggregation" variant (IP hash
    /// plus a static EtherChannel across the stack) can be built on this lab without recabling.</item>
    /// <item>The ports are VLAN trunks, as in the December 2006 NIC teaming and VLAN trunking article the
    /// July 2008 article builds on: each port group is a tagged VLAN.</item>
    /// <item>The storage addresses are those of VMware KB 2006129 (VMkernel 10.0.0.10, NFS1 10.0.0.20, NFS2
    /// 10.0.0.21 after the KB's fix from .22): under IP hash over two uplinks they land on different uplinks
    /// (KB 2006129), under port ID both share the VMkernel port's one uplink.</item>
    /// </list>
    /// The article names no NICs, VLANs or hosts; esx01, vmnic0/vmnic1, VLANs 10/20/30 and the VM addresses are
    /// the lab's own choices.
    /// </summary>
    internal static class NicTeamingLab
    {
        internal const string Description =
            "One ESX 3.5 host (esx01) with vSwitch0 teaming vmnic0 and vmnic1 by originating port ID (the ESX default), " +
            "cabled to Gi1/0/1 and Gi2/0/1 of a two-member Catalyst 3750 stack without a port channel. " +
            "The VMkernel port vmk0 (10.0.0.10) reaches the NFS targets NFS1 (10.0.0.20) and NFS2 (10.0.0.21); " +
            "the Service Console and three VMs share the vSwitch. From 'Understanding NIC Utilization in VMware ESX'.";

        const int ServiceConsoleVLan = 10, StorageVLan = 20, VMNetworkVLan = 30;

        public static VNSampleLab Build()
        {
            var stack = new VNPhysicalSwitch("cat3750", "Catalyst 3750", stack: 2);
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5") { Fqdn = "esx01.lab.local", IPAddress = IPv4Address.Parse("192.168.10.11") };

            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            // PortFast trunk: VMware's recommendation for ports facing ESX, which runs no spanning tree.
            SampleLab.CableToTrunk(vswitch.AddUplink("vmnic0"), stack, "Gi1/0/1", PortFastMode.Trunk, ServiceConsoleVLan, StorageVLan, VMNetworkVLan);
            SampleLab.CableToTrunk(vswitch.AddUplink("vmnic1"), stack, "Gi2/0/1", PortFastMode.Trunk, ServiceConsoleVLan, StorageVLan, VMNetworkVLan);

            // Connection order gives the port ids: vswif0 0, vmk0 1, vm01 to vm03 2 to 4.
            var serviceConsole = vswitch.AddPortGroup("Service Console", ServiceConsoleVLan);
            VNVMKernelAdapter.Create(serviceConsole, "vswif0", IPv4Address.Parse("192.168.10.11"), 24, IPv4Address.Parse("192.168.10.1"));
            var storage = vswitch.AddPortGroup("IP Storage", StorageVLan);
            VNVMKernelAdapter.Create(storage, "vmk0", IPv4Address.Parse("10.0.0.10"), 24, purpose: new[] { AdapterPurpose.Storage });
            var vmNetwork = vswitch.AddPortGroup("VM Network", VMNetworkVLan);
            for (int i = 1; i <= 3; i++)
                host.AddVirtualMachine("vm0" + i, new[]
                {
                    // Static MACs from VMware's manual range 00:50:56:00:00:00-00:50:56:3f:ff:ff.
                    new VNVirtualMachine.AdapterSpec(vmNetwork, MacAddress.Parse("00:50:56:00:00:0" + i), IPv4Address.Parse("192.168.30.10" + i)),
                });

            stack.AddEndpoint("gateway", IPv4Address.Parse("192.168.10.1"), ServiceConsoleVLan, respondsToPing: true, EndpointRole.Gateway);
            stack.AddEndpoint("NFS1", IPv4Address.Parse("10.0.0.20"), StorageVLan, respondsToPing: true, EndpointRole.Storage);
            stack.AddEndpoint("NFS2", IPv4Address.Parse("10.0.0.21"), StorageVLan, respondsToPing: true, EndpointRole.Storage);

            return new VNSampleLab(SampleLabName.NicTeaming, Description, new[] { host }, new[] { stack });
        }
    }
}
