using System.Collections.Generic;
using System.Globalization;
using VirtNet.Net;

namespace VirtNet.Labs
{
    /// <summary>
    /// The hosts and switches of "VMware HA Configuration Notes" (blog.scottlowe.org, 11 July 2008), ready to be
    /// formed into a legacy (AAM) HA cluster, with one of the article's recommendations deliberately missed.
    /// <list type="bullet">
    /// <item>Three ESX 3.5 hosts: the release current in July 2008, with a Service Console (vswif) and legacy AAM HA.</item>
    /// <item>"Ensure that the vSwitch hosting the Service Console has at least two uplinks", with the second uplink
    /// not left idle: VMotion shares vSwitch0 and "Override vSwitch failover order" makes vmnic0 active / vmnic1
    /// standby for the Service Console and the reverse for VMotion.</item>
    /// <item>vmnic0 and vmnic1 go to two different switches, as KB 1002641 advises for Service Console redundancy.
    /// The two switches are assumed trunked to each other; the gateway and DNS server are modelled on cat-a.</item>
    /// <item>"Ensure that DNS is working correctly ... both short names as well as FQDNs": every host has an FQDN,
    /// and a DNS server answers on the Service Console network.</item>
    /// <item>"Ensure that the Service Console's default gateway responds to ping": the gateway 192.168.10.1 is
    /// every vswif0's default gateway, the default isolation address, and answers ping.</item>
    /// <item>"Ensure that Portfast is enabled on all physical switch ports": it is on esx01's and esx02's ports
    /// (portfast trunk, as the ports are trunks), and forgotten on esx03's. When a host's vmnic0 flaps for 2 s, its
    /// Service Console fails over to vmnic1 and, failback being on by default, returns to vmnic0 as soon as the link
    /// is up. esx03's port then listens and learns for 2 x 15 s, longer than the 14 s after which legacy HA with
    /// das.failuredetectiontime 15000 applies the isolation response, so esx03 is declared isolated; esx01 and
    /// esx02 fail back onto forwarding ports and are not (KB 1003804).</item>
    /// </list>
    /// No host has a second Service Console: that is the article's further fix, left for what-if runs.
    /// Names, VLANs and addresses are the lab's own choices; the article gives none.
    /// </summary>
    internal static class HaClusterLab
    {
        internal const string Description =
            "Three ESX 3.5 hosts (esx01, esx02, esx03) whose Service Console vswif0 runs on vSwitch0 with vmnic0 active " +
            "and vmnic1 standby, VMotion the reverse; vmnic0 goes to switch cat-a, vmnic1 to cat-b. The gateway " +
            "192.168.10.1 answers ping and every host has an FQDN. PortFast is on for esx01's and esx02's switch ports " +
            "and missing on esx03's. From 'VMware HA Configuration Notes'.";

        const int ServiceConsoleVLan = 10, VMotionVLan = 20, VMNetworkVLan = 30;

        public static VNSampleLab Build()
        {
            var switchA = new VNPhysicalSwitch("cat-a", "Catalyst 3560");
            var switchB = new VNPhysicalSwitch("cat-b", "Catalyst 3560");
            var hosts = new List<VNHost>();
            for (int n = 1; n <= 3; n++)
            {
                // esx03's ports are the ones where PortFast was forgotten.
                var portFast = n == 3 ? PortFastMode.Disabled : PortFastMode.Trunk;
                hosts.Add(BuildHost(n, switchA, switchB, portFast));
            }

            switchA.AddEndpoint("gateway", IPv4Address.Parse("192.168.10.1"), ServiceConsoleVLan, respondsToPing: true, EndpointRole.Gateway);
            switchA.AddEndpoint("dns", IPv4Address.Parse("192.168.10.5"), ServiceConsoleVLan, respondsToPing: true, EndpointRole.Dns);

            return new VNSampleLab(SampleLabName.HaCluster, Description, hosts, new[] { switchA, switchB });
        }

        static VNHost BuildHost(int n, VNPhysicalSwitch switchA, VNPhysicalSwitch switchB, PortFastMode portFast)
        {
            string number = n.ToString(CultureInfo.InvariantCulture);
            string name = "esx0" + number;
            var serviceConsoleIP = IPv4Address.Parse("192.168.10.1" + number);
            var host = new VNHost(name, Hypervisor.Esx, "3.5") { Fqdn = name + ".lab.local", IPAddress = serviceConsoleIP };

            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            SampleLab.CableToTrunk(vswitch.AddUplink("vmnic0"), switchA, "Gi0/" + number, portFast, ServiceConsoleVLan, VMotionVLan, VMNetworkVLan);
            SampleLab.CableToTrunk(vswitch.AddUplink("vmnic1"), switchB, "Gi0/" + number, portFast, ServiceConsoleVLan, VMotionVLan, VMNetworkVLan);

            var serviceConsole = vswitch.AddPortGroup("Service Console", ServiceConsoleVLan);
            TeamingPolicyChange.Apply(vswitch, serviceConsole, new TeamingPolicyChange { MakeNicActive = new[] { "vmnic0" }, MakeNicStandby = new[] { "vmnic1" } });
            VNVMKernelAdapter.Create(serviceConsole, "vswif0", serviceConsoleIP, 24, IPv4Address.Parse("192.168.10.1"));

            var vmotion = vswitch.AddPortGroup("VMotion", VMotionVLan);
            TeamingPolicyChange.Apply(vswitch, vmotion, new TeamingPolicyChange { MakeNicActive = new[] { "vmnic1" }, MakeNicStandby = new[] { "vmnic0" } });
            VNVMKernelAdapter.Create(vmotion, "vmk0", IPv4Address.Parse("192.168.20.1" + number), 24, purpose: new[] { AdapterPurpose.VMotion });

            // One VM per host, so an isolation response has something to power off and HA something to restart.
            var vmNetwork = vswitch.AddPortGroup("VM Network", VMNetworkVLan);
            host.AddVirtualMachine("app0" + number, new[]
            {
                new VNVirtualMachine.AdapterSpec(vmNetwork, MacAddress.Parse("00:50:56:00:01:0" + number), IPv4Address.Parse("192.168.30.2" + number)),
            });
            return host;
        }
    }
}
