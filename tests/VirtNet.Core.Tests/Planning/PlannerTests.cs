using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using VirtNet.Planning;
using VirtNet.Tests.Traffic;
using Xunit;

namespace VirtNet.Tests.Planning
{
    public class PlannerTests
    {
        [Fact]
        public void Eight_uplinks_get_one_target_each_from_the_first_free_addresses_of_a_24()
        {
            var lab = new Lab(uplinks: 8);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var proposals = AddressPlanner.Find(vmk, vmk.IPAddress.Value, 8, new[] { IPv4AddressRange.Parse("10.0.0.0-10.0.0.255") }, AddressRole.Destination);
            // .0 is the /24's network address and is skipped. 10 XOR 1..8 = 11, 8, 9, 14, 15, 12, 13, 2, mod 8:
            // 3, 0, 1, 6, 7, 4, 5, 2: the first eight free addresses already hit every uplink once.
            Assert.Equal(Enumerable.Range(1, 8).Select(i => "10.0.0." + i), proposals.Select(p => p.IPAddress.ToString()));
            Assert.Equal(new[] { 3, 0, 1, 6, 7, 4, 5, 2 }.Select(i => "vmnic" + i), proposals.Select(p => p.Uplink.Name));
            // Return frames: the 3750's default src-mac hash of the target, bucket d AND 7 = 1..7, 0, member b mod 8.
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7, 0 }.Select(i => "vmnic" + i), proposals.Select(p => p.InboundUplink.Name));
            Assert.All(proposals, p => Assert.Equal(1.0, p.BalanceIndex, 9));
            Assert.All(proposals, p => Assert.Null(p.Reason));
        }

        [Fact]
        public void Addresses_of_the_model_and_the_subnet_edges_are_never_proposed()
        {
            var lab = new Lab();
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            lab.Vm("vm01", "10.0.0.254");
            lab.Core.AddEndpoint("nfs", IPv4Address.Parse("10.0.0.253"), null, true, EndpointRole.Storage);
            var e = Assert.Throws<VirtNetException>(() =>
                AddressPlanner.Find(vmk, vmk.IPAddress.Value, 1, new[] { IPv4AddressRange.Parse("10.0.0.253-10.0.0.255") }, AddressRole.Destination));
            Assert.Equal(ErrorIds.NotEnoughFreeAddresses, e.ErrorId);
        }

        [Fact]
        public void One_cluster_setting_fixes_every_host_whose_failback_lands_on_a_listening_port()
        {
            // KB 1003804 on three hosts: vmnic0 active, vmnic1 standby, no PortFast, F = 15 s. A 2 s flap fails back at 2.1 s
            // (Net.TeamPolicyUpDelay 100 ms) onto a port that forwards at 2 + 2 x 15 = 32 s; the first heartbeat missed is
            // at 3 s, so the response comes at 3 + 15 - 1 = 17 s. F = 20 s answers at 22 s, still too early; F = 30 s would
            // answer at 32 s, when the port forwards and heartbeats resume: not isolated. One change for all three hosts,
            // where PortFast or failback off would take one per host.
            var lab = new HaLab(standby: true);
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "lab", Hosts = lab.Hosts }, new System.Collections.Generic.List<string>());
            var changes = HaIsolationPlanner.Plan(cluster);
            var change = Assert.Single(changes);
            Assert.Equal(HaChangeKind.FailureDetectionTime, change.Kind);
            Assert.Equal("30000 ms", change.To);
            Assert.Equal(3, change.Fixes.Length);
            // Planning leaves the model as it was.
            Assert.All(lab.Hosts.SelectMany(h => h.VirtualSwitches[0].Uplinks), u => Assert.Equal(PortFastMode.Disabled, u.SwitchPort.PortFast));
            Assert.All(lab.Hosts, h => Assert.True(h.VirtualSwitches[0].PortGroups[0].TeamingPolicy.IsFailbackInherited));
            Assert.Equal(15000, cluster.FailureDetectionTime.Value.TotalMilliseconds);
            change.Apply();
            Assert.Equal(30000, cluster.FailureDetectionTime.Value.TotalMilliseconds);
            Assert.Empty(HaIsolationPlanner.Plan(cluster));
        }

        [Fact]
        public void Teaming_plan_without_flows_keeps_management_and_vmotion_apart_and_leaves_the_model_as_it_was()
        {
            var lab = new Lab(uplinks: 2);
            var management = lab.Switch.AddPortGroup("Management");
            VNVMKernelAdapter.Create(management, "vmk0", IPv4Address.Parse("192.168.10.11"), 24, purpose: new[] { AdapterPurpose.Management });
            var vmotion = lab.Switch.AddPortGroup("vMotion");
            VNVMKernelAdapter.Create(vmotion, "vmk1", IPv4Address.Parse("192.168.20.11"), 24, purpose: new[] { AdapterPurpose.VMotion });
            var rows = TeamingPlanner.Plan(lab.Switch, null);
            var m = rows.Single(r => r.PortGroup == management);
            var v = rows.Single(r => r.PortGroup == vmotion);
            Assert.Equal(new[] { "vmnic0" }, m.ActiveNic);
            Assert.Equal(new[] { "vmnic1" }, m.StandbyNic);
            Assert.Equal(new[] { "vmnic1" }, v.ActiveNic);
            Assert.Equal(new[] { "vmnic0" }, v.StandbyNic);
            Assert.False(rows.Single(r => r.PortGroup == lab.PortGroup).Changed);
            Assert.True(management.TeamingPolicy.IsFailoverOrderInherited);
            Assert.True(vmotion.TeamingPolicy.IsFailoverOrderInherited);
            m.Apply();
            Assert.Equal(new[] { "vmnic0" }, management.TeamingPolicy.ActiveNic);
            Assert.Equal(new[] { "vmnic1" }, management.TeamingPolicy.StandbyNic);
        }
    }
}
