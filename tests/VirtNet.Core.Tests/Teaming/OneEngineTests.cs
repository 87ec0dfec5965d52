using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests.Teaming
{
    /// <summary>The traffic simulation and the HA simulation take every uplink decision from the one teaming engine.</summary>
    public class OneEngineTests
    {
        static readonly LoadBalancingPolicy[] PortPolicies =
        {
            LoadBalancingPolicy.LoadBalanceSrcId, LoadBalancingPolicy.LoadBalanceSrcMac, LoadBalancingPolicy.ExplicitFailover,
            LoadBalancingPolicy.LoadBalanceLoadBased,
        };

        /// <summary>
        /// ESX 4.1, vSwitch0 with vmnic0-2 active under port id, a VM on port 0 and vswif0 on port 1: port k goes to
        /// active[k mod 3], so vswif0 is on vmnic1. When vmnic0 fails only the VM's port moves (to vmnic1, the first
        /// remaining uplink in port order); vswif0 stays on vmnic1 in both simulators.
        /// </summary>
        [Fact]
        public void When_vmnic0_fails_vswif0_stays_on_vmnic1_in_the_traffic_and_the_HA_simulation()
        {
            var sw = new VNPhysicalSwitch("cat-a", "WS-C3750G-24T");
            sw.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
            var hosts = new List<VNHost>();
            VNVMKernelAdapter vswif0 = null;
            VNVirtualMachine vm = null;
            for (int n = 1; n <= 2; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, "4.1");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                for (int u = 0; u < 3; u++) Cable(vswitch.AddUplink("vmnic" + u), sw, $"Gi1/0/{n * 10 + u}", PortFastMode.Enabled);
                var pg = vswitch.AddPortGroup("Service Console");
                var machine = host.AddVirtualMachine("vm" + n, new[] { new VNVirtualMachine.AdapterSpec(pg, null, IPv4Address.Parse("192.168.1.5" + n)) });
                var adapter = Management(pg, "vswif0", "192.168.1.1" + n, "192.168.1.1");
                if (n == 1) { vswif0 = adapter; vm = machine; }
                hosts.Add(host);
            }
            Assert.Equal(0, vm.NetworkAdapters[0].PortId);
            Assert.Equal(1, vswif0.PortId);
            var vmnic0 = hosts[0].GetUplink("vmnic0");

            var flows = VNFlowList.Combine(new[]
            {
                VNFlowList.Create(new[] { ((VNVirtualAdapter)vswif0, vswif0.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("192.168.1.12") }, double.PositiveInfinity),
                VNFlowList.Create(new[] { ((VNVirtualAdapter)vm.NetworkAdapters[0], IPv4Address.Parse("192.168.1.51")) }, new[] { IPv4AddressRange.Parse("192.168.1.12") }, double.PositiveInfinity),
            });
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(vmnic0);
            var traffic = new TrafficSimulation(new[] { hosts[0].VirtualSwitches[0] }, flows).Run(scenario);
            Assert.Equal("vmnic1", traffic.Flows[0].Uplink.Name);
            Assert.Equal("vmnic1", traffic.Flows[1].Uplink.Name);

            var cluster = VNCluster.Create(new VNClusterSpec { Name = "lab", Hosts = hosts }, new List<string>());
            var result = new HaSimulator(cluster).Run(new VNFailureScenario("vmnic0 down", new[] { new VNFailureEvent(FailureEventKind.LinkDown, vmnic0, TimeSpan.Zero) }))
                .Single(r => r.Host == hosts[0]);
            Assert.Equal(HaVerdict.NotIsolated, result.Verdict);
            Assert.DoesNotContain(result.Timeline, e => e.Event == HaEventKind.Failover || e.Event == HaEventKind.Failback);
            Assert.DoesNotContain("moves", result.Explanation);
        }

        /// <summary>
        /// Random ESX teams (2 to 8 uplinks; active, standby and unused; every per-port policy; failback on and off;
        /// link status or beacon probing; 0 or 100 ms up delay) under random link failure sequences: after every
        /// event, once the up delay has run out, the uplink HA attaches the management adapter to is the uplink the
        /// traffic simulation sends that adapter's flow on, with the same uplinks failed and recovered.
        /// </summary>
        [Fact]
        public void HA_and_traffic_give_every_management_adapter_the_same_uplink_under_random_failures()
        {
            var random = new Random(20261204);
            for (int trial = 0; trial < 300; trial++)
                CheckOne(random, trial);
        }

        static void CheckOne(Random random, int trial)
        {
            int uplinks = random.Next(2, 9);
            var policy = PortPolicies[random.Next(PortPolicies.Length)];
            var sw = new VNPhysicalSwitch("cat-a", "WS-C3750G-24T");
            sw.AddEndpoint("gateway", IPv4Address.Parse("10.0.0.1"), null, true, EndpointRole.Gateway);
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            var vswitch = host.AddVirtualSwitch("vSwitch0", 
                policy == LoadBalancingPolicy.LoadBalanceLoadBased || random.Next(2) == 0 ? VirtualSwitchType.Distributed : VirtualSwitchType.Standard);
            var names = new List<string>();
            for (int u = 0; u < uplinks; u++)
            {
                Cable(vswitch.AddUplink("vmnic" + u), sw, "Gi1/0/" + (u + 1), PortFastMode.Enabled);
                names.Add("vmnic" + u);
            }
            var order = names.OrderBy(_ => random.Next()).ToList();
            int active = random.Next(1, uplinks + 1), standby = random.Next(0, uplinks - active + 1);
            var pg = vswitch.AddPortGroup("Management Network");
            TeamingPolicyChange.Apply(vswitch, pg, new TeamingPolicyChange
            {
                LoadBalancingPolicy = policy,
                MakeNicActive = order.Take(active).ToArray(),
                MakeNicStandby = order.Skip(active).Take(standby).ToArray(),
                MakeNicUnused = order.Skip(active + standby).ToArray(),
                FailbackEnabled = random.Next(2) == 0,
                NetworkFailoverDetectionPolicy = random.Next(2) == 0 ? NetworkFailoverDetectionPolicy.LinkStatus : NetworkFailoverDetectionPolicy.BeaconProbing,
            });
            int delay = random.Next(2) * 100;
            host.SetAdvancedSetting("Net.TeamPolicyUpDelay", delay);
            // VMs before and after the management port, so its port id and the ports that move with it vary.
            int before = random.Next(0, 4), after = random.Next(0, 3);
            for (int v = 0; v < before; v++)
                host.AddVirtualMachine("a" + v, new[] { new VNVirtualMachine.AdapterSpec(pg, MacAddress.Parse("00:50:56:00:00:" + (16 + v).ToString("x2")), IPv4Address.Parse("10.0.0." + (100 + v))) });
            var vmk0 = Management(pg, "vmk0", "10.0.0.11", "10.0.0.1");
            for (int v = 0; v < after; v++)
                host.AddVirtualMachine("b" + v, new[] { new VNVirtualMachine.AdapterSpec(pg, MacAddress.Parse("00:50:56:00:01:" + (16 + v).ToString("x2")), IPv4Address.Parse("10.0.0." + (120 + v))) });

            var peer = new VNHost("esx02", Hypervisor.Esx, "6.7");
            var peerSwitch = peer.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            Cable(peerSwitch.AddUplink("vmnic0"), sw, "Gi1/0/20", PortFastMode.Enabled);
            Management(peerSwitch.AddPortGroup("Management Network"), "vmk0", "10.0.0.12", "10.0.0.1");
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = new[] { host, peer } }, new List<string>());

            // A failure sequence: every 10 s one random uplink toggles.
            int steps = random.Next(1, 8);
            var down = new bool[uplinks];
            var downSince = new long[uplinks];
            var everDown = new bool[uplinks];
            var events = new List<VNFailureEvent>();
            var timeline = new List<(long Time, bool[] Down, bool[] EverDown)>();
            for (int k = 1; k <= steps; k++)
            {
                long t = k * 10000;
                int u = random.Next(uplinks);
                if (down[u])
                    events.Add(new VNFailureEvent(FailureEventKind.LinkDown, vswitch.Uplinks[u], TimeSpan.FromMilliseconds(downSince[u]), TimeSpan.FromMilliseconds(t)));
                else { downSince[u] = t; everDown[u] = true; }
                down[u] = !down[u];
                timeline.Add((t, (bool[])down.Clone(), (bool[])everDown.Clone()));
            }
            for (int u = 0; u < uplinks; u++)
                if (down[u]) events.Add(new VNFailureEvent(FailureEventKind.LinkDown, vswitch.Uplinks[u], TimeSpan.FromMilliseconds(downSince[u])));

            var topology = new HaTopology(cluster);
            var run = new NetworkRun(topology);
            var scenario = new VNFailureScenario("random", events);
            ScenarioCompiler.Compile(topology, scenario, run.Changes);
            run.Play();
            int iface = topology.Interfaces.IndexOf(vmk0);

            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk0, vmk0.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("10.0.0.12") }, double.PositiveInfinity);
            var simulation = new TrafficSimulation(new[] { vswitch }, flows);
            foreach (var (time, isDown, wasDown) in timeline)
            {
                long check = time + delay;
                int segment = run.SegmentAt(check);
                int slot = run.ReasonSlot[segment * topology.Interfaces.Count + iface];
                string ha = slot < 0 ? null : topology.Links[topology.SlotLink[slot]].Name;

                var traffic = new TrafficScenario();
                for (int u = 0; u < uplinks; u++)
                    if (isDown[u]) traffic.FailedUplinks.Add(vswitch.Uplinks[u]);
                    else if (wasDown[u]) traffic.RecoveredUplinks.Add(vswitch.Uplinks[u]);
                string sent = simulation.Run(traffic).Flows[0].Uplink?.Name;
                Assert.True(ha == sent,
                    $"trial {trial}, {policy}, active {string.Join(",", order.Take(active))}, standby {string.Join(",", order.Skip(active).Take(standby))}, " +
                    $"at {check} ms: HA uses {ha ?? "none"}, traffic sends on {sent ?? "none"}.");
            }
        }

        /// <summary>vmnic0 active, vmnic1 standby, failback on: a recovered vmnic0 takes the traffic back only once the up delay has run out.</summary>
        [Theory]
        [InlineData(30000, 10.0, "vmnic1")]
        [InlineData(30000, 30.0, "vmnic0")]
        [InlineData(100, 0.0, "vmnic1")]
        [InlineData(100, 0.1, "vmnic0")]
        [InlineData(30000, null, "vmnic0")]
        public void A_recovered_uplink_inside_its_up_delay_carries_nothing_yet(int delayMs, double? recoveredForSeconds, string expected)
        {
            var lab = new VirtNet.Tests.Traffic.Lab();
            lab.Teaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.ExplicitFailover, MakeNicStandby = new[] { "vmnic1" } });
            lab.Host.SetAdvancedSetting("Net.TeamPolicyUpDelay", delayMs);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var scenario = new TrafficScenario { Elapsed = recoveredForSeconds.HasValue ? TimeSpan.FromSeconds(recoveredForSeconds.Value) : (TimeSpan?)null };
            scenario.RecoveredUplinks.Add(lab.Uplink(0));
            var result = lab.Simulate(VirtNet.Tests.Traffic.Lab.Flows(vmk, "10.0.0.20"), scenario);
            Assert.Equal(expected, result.Flows[0].Uplink.Name);
            Assert.Equal(recoveredForSeconds.HasValue && recoveredForSeconds.Value * 1000 < delayMs ? UplinkState.UpDelay : UplinkState.Recovered,
                result.Uplinks.Single(u => u.Uplink.Name == "vmnic0").State);
        }

        [Fact]
        public void Host_advanced_settings_reject_unknown_names_and_values_out_of_range()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            Assert.Equal(100, host.TeamPolicyUpDelay);
            host.SetAdvancedSetting("/Net/TeamPolicyUpDelay", "30000");
            Assert.Equal(30000, host.TeamPolicyUpDelay);
            Assert.Equal(ErrorIds.InvalidAdvancedSetting, Assert.Throws<VirtNetException>(() => host.SetAdvancedSetting("Net.TeamPolicyDownDelay", 5)).ErrorId);
            Assert.Equal(ErrorIds.InvalidAdvancedSetting, Assert.Throws<VirtNetException>(() => host.SetAdvancedSetting("Net.TeamPolicyUpDelay", -1)).ErrorId);
            Assert.Equal(ErrorIds.InvalidAdvancedSetting, Assert.Throws<VirtNetException>(() => host.SetAdvancedSetting("Net.TeamPolicyUpDelay", "600001")).ErrorId);
            Assert.Equal(ErrorIds.InvalidAdvancedSetting, Assert.Throws<VirtNetException>(() => host.SetAdvancedSetting("Net.TeamPolicyUpDelay", "\u0663\u0660")).ErrorId);
            Assert.Equal(30000, host.TeamPolicyUpDelay);
            Assert.Equal(ErrorIds.UnsupportedOnHost, Assert.Throws<VirtNetException>(() => new VNHost("hv01", Hypervisor.HyperV).SetAdvancedSetting("Net.TeamPolicyUpDelay", 5)).ErrorId);
        }
    }
}
