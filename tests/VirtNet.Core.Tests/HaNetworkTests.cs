using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>The reachability model: teaming, spanning tree, Service Console routing and reverse-path filtering, VLANs, datastore heartbeats.</summary>
    public class HaNetworkTests
    {
        /// <summary>The seed article's setup: a second Service Console vswif1 on vSwitch1, vmnic1, switch cat-b.</summary>
        static HaLab WithSecondServiceConsole(bool sameSubnet)
        {
            var lab = new HaLab();
            int n = 1;
            foreach (var host in lab.Hosts)
            {
                var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
                Cable(vswitch.AddUplink("vmnic1"), lab.SwitchB, "Gi1/0/" + n, PortFastMode.Disabled);
                Management(vswitch.AddPortGroup("Service Console 2"), "vswif1", (sameSubnet ? "192.168.1.2" : "192.168.2.1") + n, null);
                n++;
            }
            return lab;
        }

        [Fact]
        public void A_second_Service_Console_on_the_same_subnet_does_not_prevent_isolation()
        {
            var lab = WithSecondServiceConsole(sameSubnet: true);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(14), r.ResponseAt);
            Assert.Contains("vswif1 shares a subnet with vswif0, so the Service Console routes that subnet out of vswif0 and reverse-path filtering drops what arrives on vswif1", r.Explanation);
        }

        [Fact]
        public void Same_subnet_routing_leaves_the_second_Service_Console_without_any_heartbeat_path()
        {
            var lab = WithSecondServiceConsole(sameSubnet: true);
            var topology = new HaTopology(lab.Cluster());
            int vswif1 = topology.Interfaces.FindIndex(a => a.Name == "vswif1" && a.Host == lab[1]);
            int vswif0 = topology.Interfaces.FindIndex(a => a.Name == "vswif0" && a.Host == lab[1]);
            Assert.False(topology.CarriesHeartbeats[vswif1]);
            Assert.True(topology.CarriesHeartbeats[vswif0]);
            Assert.Equal(vswif0, topology.ShadowOf(vswif1));
        }

        [Fact]
        public void V7_a_second_Service_Console_on_another_subnet_switch_and_NIC_keeps_the_heartbeats()
        {
            var lab = WithSecondServiceConsole(sameSubnet: false);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Null(At(r, HaEventKind.HeartbeatsLost));
        }

        [Fact]
        public void Failover_to_a_standby_uplink_keeps_the_heartbeats_when_the_active_one_dies()
        {
            var lab = new HaLab(standby: true);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal("vswif0 (Service Console) moved from vmnic0 to vmnic1 at 0 s; its heartbeats never stopped.", r.Explanation);
        }

        [Fact]
        public void A_2_s_flap_with_failback_and_no_PortFast_isolates_the_host_at_17_s()
        {
            var lab = new HaLab(standby: true);
            var results = new HaSimulator(lab.Cluster()).Run(LinkDown(lab[3].VirtualSwitches[0].Uplinks[0], 0, 2));
            var r = For(results, lab[3]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            // Failback at 2.1 s (the default 100 ms up delay) onto a port forwarding at 32 s: the last heartbeat
            // heard is the 2 s one on vmnic1, so the response comes at 2 + 15 = 17 s and the others declare it failed at 18 s.
            Assert.Equal(S(17), r.ResponseAt);
            Assert.Equal(S(18), At(r, HaEventKind.HostDeclaredFailed));
            Assert.All(results.Where(x => x.Host != lab[3]), x => Assert.Equal(HaVerdict.NotIsolated, x.Verdict));
        }

        [Fact]
        public void Beacon_probing_waits_until_the_recovered_port_forwards_before_failing_back()
        {
            var lab = new HaLab(standby: true);
            foreach (var host in lab.Hosts)
                TeamingPolicyChange.Apply(host.VirtualSwitches[0], null, new TeamingPolicyChange { NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing });
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 100)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(130), At(r, HaEventKind.Failback));
        }

        [Fact]
        public void A_standby_link_that_came_up_less_than_30_s_before_the_failover_is_still_learning()
        {
            var lab = new HaLab(standby: true);
            var vswitch = lab[1].VirtualSwitches[0];
            var scenario = new VNFailureScenario("late standby", new[]
            {
                new VNFailureEvent(FailureEventKind.LinkUp, vswitch.Uplinks[1], S(50)),
                new VNFailureEvent(FailureEventKind.LinkDown, vswitch.Uplinks[0], S(60)),
            });
            var r = For(new HaSimulator(lab.Cluster()).Run(scenario), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(74), r.ResponseAt);
            Assert.Equal(S(80), At(r, HaEventKind.HeartbeatsResumed));
        }

        [Fact]
        public void A_tagged_port_group_on_an_access_port_is_cut_off_from_the_start()
        {
            var lab = new HaLab();
            lab[1].VirtualSwitches[0].PortGroups[0].VLanId = 10;
            var scenario = new VNFailureScenario("gateway down", new[] { new VNFailureEvent(FailureEventKind.EndpointDown, lab.Gateway, S(100)) });
            var r = For(new HaSimulator(lab.Cluster()).Run(scenario), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(14), r.ResponseAt);
            Assert.Contains("does not carry VLAN 10 of Service Console (tagged frames on an access port)", r.Explanation);
        }

        [Fact]
        public void A_port_group_VLAN_reaches_the_fabric_through_a_trunk_that_allows_it()
        {
            var trunk = new VNPhysicalSwitch("s").GetOrAddPort("Gi0/1");
            trunk.Mode = SwitchPortMode.Trunk;
            trunk.SetAllowedVLan(new[] { "10,20" });
            Assert.Equal(10, HaTopology.FabricVlan(10, trunk));
            Assert.Equal(-1, HaTopology.FabricVlan(30, trunk));
            Assert.Equal(1, HaTopology.FabricVlan(0, trunk));
            Assert.Equal(-1, HaTopology.FabricVlan(4095, trunk));
        }

        /// <summary>Isolation address 10.9.9.9 on VLAN 99, reached through the gateway 192.168.1.1 and a second gateway 10.9.9.1.</summary>
        static (HaLab lab, VNCluster cluster, VNEndpoint gateway99) RoutedIsolationAddress()
        {
            var lab = new HaLab();
            lab.SwitchA.AddEndpoint("probe", IPv4Address.Parse("10.9.9.9"), 99, true, EndpointRole.Other);
            var gateway99 = lab.SwitchA.AddEndpoint("gw99", IPv4Address.Parse("10.9.9.1"), 99, true, EndpointRole.Gateway);
            var cluster = lab.Cluster(advanced: new Dictionary<string, object> { ["das.usedefaultisolationaddress"] = false, ["das.isolationaddress0"] = "10.9.9.9" });
            return (lab, cluster, gateway99);
        }

        static VNFailureScenario PeersDown(HaLab lab, params VNFailureEvent[] more)
        {
            var events = lab.Hosts.Skip(1).Select(h => new VNFailureEvent(FailureEventKind.LinkDown, h.VirtualSwitches[0].Uplinks[0], TimeSpan.Zero)).ToList();
            events.AddRange(more);
            return new VNFailureScenario("peers down", events);
        }

        [Fact]
        public void An_isolation_address_on_another_subnet_answers_through_the_gateways()
        {
            var (lab, cluster, _) = RoutedIsolationAddress();
            var r = For(new HaSimulator(cluster).Run(PeersDown(lab)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(13), At(r, HaEventKind.PingReply));
            Assert.Contains("10.9.9.9 (cat-a/probe) answers", r.Timeline.Single(e => e.Event == HaEventKind.PingReply).Detail);
        }

        [Fact]
        public void A_routed_isolation_address_is_unreachable_when_its_gateway_is_down()
        {
            var (lab, cluster, gateway99) = RoutedIsolationAddress();
            var r = For(new HaSimulator(cluster).Run(PeersDown(lab, new VNFailureEvent(FailureEventKind.EndpointDown, gateway99, TimeSpan.Zero))), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(14), r.ResponseAt);
        }

        [Fact]
        public void A_gateway_that_does_not_answer_ping_leaves_a_cut_off_host_isolated()
        {
            var lab = new HaLab();
            lab.Gateway.RespondsToPing = false;
            var r = For(new HaSimulator(lab.Cluster()).Run(PeersDown(lab)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Contains("isolation address 192.168.1.1 (cat-a/gateway) does not answer ping", r.Explanation);
        }

        /// <summary>
        /// FDM 5.1: esx03's management network is VLAN 20 (10.0.20.0/24) behind gateway gw20; the others reach it
        /// through the gateways. dns20 (10.0.20.5) is an isolation address. With <paramref name="ipStorage"/>,
        /// esx03's NFS datastore 192.168.1.50 is also behind gw20.
        /// </summary>
        static (HaLab lab, VNCluster cluster, VNEndpoint gateway20) RoutedThirdHost(bool ipStorage)
        {
            var lab = new HaLab(version: "5.1");
            foreach (var port in lab.SwitchA.Ports) port.Mode = SwitchPortMode.Trunk;
            var pg = lab[3].VirtualSwitches[0].PortGroups[0];
            pg.VLanId = 20;
            lab[3].GetVMKernelAdapter("vmk0").Remove();
            Management(pg, "vmk0", "10.0.20.13", "10.0.20.1");
            var gateway20 = lab.SwitchA.AddEndpoint("gw20", IPv4Address.Parse("10.0.20.1"), 20, true, EndpointRole.Gateway);
            lab.SwitchA.AddEndpoint("dns20", IPv4Address.Parse("10.0.20.5"), 20, true, EndpointRole.Dns);
            if (ipStorage)
            {
                lab.SwitchA.AddEndpoint("nfs", IPv4Address.Parse("192.168.1.50"), null, true, EndpointRole.Storage);
                VNVMKernelAdapter.Create(pg, "vmk1", IPv4Address.Parse("10.0.20.23"), 24, purpose: new[] { AdapterPurpose.Storage });
            }
            return (lab, lab.Cluster(isolationAddress: IPv4Address.Parse("10.0.20.5")), gateway20);
        }

        [Fact]
        public void Hosts_on_different_subnets_heartbeat_through_their_gateways()
        {
            var (lab, cluster, _) = RoutedThirdHost(ipStorage: false);
            var results = new HaSimulator(cluster).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0));
            Assert.Equal(HaVerdict.NotIsolated, For(results, lab[3]).Verdict);
            Assert.Equal(HaVerdict.Isolated, For(results, lab[2]).Verdict);
        }

        [Fact]
        public void A_host_that_still_pings_an_isolation_address_and_writes_datastore_heartbeats_is_partitioned()
        {
            var (lab, cluster, gateway20) = RoutedThirdHost(ipStorage: false);
            var scenario = new VNFailureScenario("gw20 down", new[] { new VNFailureEvent(FailureEventKind.EndpointDown, gateway20, TimeSpan.Zero) });
            var r = For(new HaSimulator(cluster).Run(scenario), lab[3]);
            Assert.Equal(HaVerdict.Partitioned, r.Verdict);
            Assert.Null(r.IsolationDeclaredAt);
            Assert.Equal(S(25), At(r, HaEventKind.PingReply));
            Assert.Equal(S(18), At(r, HaEventKind.HostPartitioned));
        }

        [Fact]
        public void A_host_that_loses_its_network_and_its_IP_storage_is_declared_failed_at_18_s()
        {
            var (lab, cluster, gateway20) = RoutedThirdHost(ipStorage: true);
            var scenario = new VNFailureScenario("gw20 down", new[] { new VNFailureEvent(FailureEventKind.EndpointDown, gateway20, TimeSpan.Zero) });
            var r = For(new HaSimulator(cluster).Run(scenario), lab[3]);
            Assert.Equal(HaVerdict.Failed, r.Verdict);
            Assert.Equal(S(18), At(r, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(18), At(r, HaEventKind.VMsRestarted));
            Assert.Contains("datastore heartbeats stopped too", r.Explanation);
        }

        [Fact]
        public void A_stack_member_going_down_takes_only_its_own_ports_with_it()
        {
            var stack = new VNPhysicalSwitch("stack", "Catalyst 3750", 2);
            stack.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
            var hosts = new List<VNHost>();
            for (int n = 1; n <= 3; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, "3.5");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                Cable(vswitch.AddUplink("vmnic0"), stack, (n == 3 ? "Gi2/0/" : "Gi1/0/") + n, PortFastMode.Enabled);
                Management(vswitch.AddPortGroup("Service Console"), "vswif0", "192.168.1.1" + n, "192.168.1.1");
                hosts.Add(host);
            }
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = hosts }, new List<string>());
            var scenario = new VNFailureScenario("member 2", new[] { new VNFailureEvent(FailureEventKind.SwitchDown, stack, TimeSpan.Zero, null, 2) });
            var results = new HaSimulator(cluster).Run(scenario);
            Assert.Equal(HaVerdict.Isolated, For(results, hosts[2]).Verdict);
            Assert.Equal(HaVerdict.NotIsolated, For(results, hosts[0]).Verdict);
            Assert.Contains("stack member 2 down", For(results, hosts[2]).Timeline.Single(e => e.Event == HaEventKind.SwitchDown).Detail);
        }
    }
}
