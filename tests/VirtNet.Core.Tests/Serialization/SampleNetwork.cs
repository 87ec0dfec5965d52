using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Tests.Serialization
{
    /// <summary>A lab that uses every part of the configuration format, and a description of a model for comparing graphs.</summary>
    static class SampleNetwork
    {
        static IPv4Address IP(string text) => IPv4Address.Parse(text);
        static MacAddress Mac(string text) => MacAddress.Parse(text);

        /// <summary>
        /// Two ESX hosts (6.7 with standard and distributed switches, 3.5 U3 with a Service Console), a Hyper-V host,
        /// a two-member Catalyst stack with trunks, a port channel, an unused port and endpoints, and a standalone
        /// access switch that only an uplink refers to.
        /// </summary>
        public static (VNHost Esx67, VNHost Esx35, VNHost HyperV, VNPhysicalSwitch Stack, VNPhysicalSwitch Access) Build()
        {
            var stack = new VNPhysicalSwitch("core-stack", "WS-C3750X-48T", stack: 2)
            {
                LoadBalance = EtherChannelLoadBalance.SrcDstIp,
                SpanningTree = SpanningTreeMode.RapidPvst,
                ForwardDelay = TimeSpan.FromSeconds(10),
                MaxAge = TimeSpan.FromSeconds(12),
            };
            foreach (var name in new[] { "Gi1/0/1", "Gi2/0/1" })
            {
                var trunk = stack.GetOrAddPort(name);
                trunk.Mode = SwitchPortMode.Trunk;
                trunk.NativeVLan = 10;
                trunk.SetAllowedVLan(new[] { "10,20", "30,100-110" });
                trunk.PortFast = PortFastMode.Trunk;
                trunk.Mtu = 9216;
            }
            stack.AddPortChannel("Port-channel1", new[] { "Gi1/0/1", "Gi2/0/1" }, PortChannelMode.On);
            var free = stack.GetOrAddPort("GigabitEthernet1/0/48");
            free.AccessVLan = 99;
            free.PortFast = PortFastMode.Enabled;
            stack.AddEndpoint("gateway", IP("10.0.10.1"), 10, respondsToPing: true, EndpointRole.Gateway);
            stack.AddEndpoint("nas01", IP("10.0.100.5"), 100, respondsToPing: false, EndpointRole.Storage);
            stack.AddEndpoint("dns", IP("192.168.0.53"), null, respondsToPing: true, EndpointRole.Dns);

            var access = new VNPhysicalSwitch("access1", "WS-C2960-24TT");
            access.GetOrAddPort("Gi0/1").AccessVLan = 100;

            var esx67 = new VNHost("esx01", Hypervisor.Esx, "6.7 U3") { Fqdn = "esx01.lab.local", IPAddress = IP("10.0.10.11") };
            var vSwitch0 = esx67.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            vSwitch0.AddUplink("vmnic0", 10000, Mac("00:50:56:01:00:00")).ConnectTo(stack, "Gi1/0/1");
            vSwitch0.AddUplink("vmnic1", 10000, Mac("00:50:56:01:00:01")).ConnectTo(stack, "Gi2/0/1");
            TeamingPolicyChange.Apply(vSwitch0, null, new TeamingPolicyChange
            {
                LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP,
                FailbackEnabled = false,
            });
            var management = vSwitch0.AddPortGroup("Management Network", 10);
            TeamingPolicyChange.Apply(vSwitch0, management, new TeamingPolicyChange
            {
                LoadBalancingPolicy = LoadBalancingPolicy.ExplicitFailover,
                MakeNicActive = new[] { "vmnic1" },
                MakeNicStandby = new[] { "vmnic0" },
            });
            var vmNetwork = vSwitch0.AddPortGroup("VM Network", 20);
            var vMotion = vSwitch0.AddPortGroup("vMotion", 30);
            TeamingPolicyChange.Apply(vSwitch0, vMotion, new TeamingPolicyChange { NotifySwitches = false, MakeNicUnused = new[] { "vmnic0" } });

            var dvSwitch = esx67.AddVirtualSwitch("dvSwitch1", VirtualSwitchType.Distributed, numPorts: 256, mtu: 9000);
            dvSwitch.AddUplink("vmnic2", 10000).ConnectTo(access, "Gi0/1");
            dvSwitch.AddUplink("vmnic3", 1000);
            var storage = dvSwitch.AddPortGroup("Storage", 100);
            TeamingPolicyChange.Apply(dvSwitch, storage, new TeamingPolicyChange
            {
                IpHashVariant = IpHashVariant.LastOctet,
                NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing,
            });

            // Creation order interleaves VMkernel ports and VMs on the same port group, and vmk2 comes before vmk1.
            VNVMKernelAdapter.Create(management, "vmk0", IP("10.0.10.11"), 24, IP("10.0.10.1"));
            esx67.AddVirtualMachine("probe01", new[] { new VNVirtualMachine.AdapterSpec(management, ip: IP("10.0.10.50")) });
            VNVMKernelAdapter.Create(storage, "vmk2", IP("10.0.100.11"), 24, mtu: 9000, purpose: new[] { AdapterPurpose.Storage });
            VNVMKernelAdapter.Create(vMotion, "vmk1", IP("10.0.30.11"), 24, mtu: 9000,
                purpose: new[] { AdapterPurpose.VMotion, AdapterPurpose.FaultTolerance }, mac: Mac("00:50:56:6a:00:01"));
            var scratch = esx67.AddVirtualMachine("scratch01", new[] { new VNVirtualMachine.AdapterSpec(vmNetwork) });
            esx67.AddVirtualMachine("web01", new[]
            {
                new VNVirtualMachine.AdapterSpec(vmNetwork, Mac("00:50:56:aa:00:01"), IP("10.0.20.21")),
                new VNVirtualMachine.AdapterSpec(storage, Mac("00:50:56:aa:00:02")),
                new VNVirtualMachine.AdapterSpec(null, Mac("00:50:56:aa:00:03")),
            });
            esx67.RemoveVirtualMachine(scratch);

            var esx35 = new VNHost("esx35", Hypervisor.Esx, "3.5 U3");
            var legacy = esx35.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            legacy.AddUplink("vmnic0", 1000);
            var serviceConsole = legacy.AddPortGroup("Service Console");
            VNVMKernelAdapter.Create(serviceConsole, "vswif0", IP("192.168.0.35"), 24, IP("192.168.0.1"));

            var hyperV = new VNHost("hv01", Hypervisor.HyperV, "2019") { IPAddress = IP("192.168.0.133") };
            var external = hyperV.AddVirtualSwitch("External", VirtualSwitchType.HyperV);
            external.AddUplink("NIC1", 1000);
            var lan = external.AddPortGroup("LAN");
            hyperV.AddVirtualMachine("app01", new[] { new VNVirtualMachine.AdapterSpec(lan) });

            return (esx67, esx35, hyperV, stack, access);
        }

        /// <summary>
        /// Hyper-V and Linux: a 2019 host with an LBFO team (member order unlike the uplink order, a standby, a NIC
        /// added after the team), Internal and Private switches, dynamic and static MACs and a removed VM; a 2022
        /// host with SET and an explicit pool, holding a VM that moved there with its old address; a Linux host with
        /// two bonds, cabled to a switch with an LACP channel.
        /// </summary>
        public static (VNHost HyperV2019, VNHost HyperV2022, VNHost Linux, VNPhysicalSwitch Switch) BuildPlatforms()
        {
            var sw = new VNPhysicalSwitch("tor1", "WS-C3750X-48T", stack: 2);
            var hv02 = new VNHost("hv02", Hypervisor.HyperV, "2019") { IPAddress = IP("192.168.20.1") };
            var external = hv02.AddVirtualSwitch("External", VirtualSwitchType.HyperV, nic: new[] { "NIC1", "NIC2", "NIC3" });
            external.GetUplink("NIC1").ConnectTo(sw, "Gi1/0/1");
            external.GetUplink("NIC2").ConnectTo(sw, "Gi2/0/1");
            hv02.NewTeam("Team0", new[] { "NIC2", "NIC1", "NIC3" }, TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.HyperVPort, "NIC3");
            external.AddUplink("NIC4", 10000);
            var lan = external.AddPortGroup("LAN", 20);
            hv02.AddVirtualSwitch("Lab", VirtualSwitchType.HyperV, settings: new VirtualSwitchSettings { SwitchType = HyperVSwitchType.Internal })
                .AddPortGroup("LabNet");
            hv02.AddVirtualSwitch("Isolated", VirtualSwitchType.HyperV, settings: new VirtualSwitchSettings { SwitchType = HyperVSwitchType.Private });
            hv02.AddVirtualMachine("app01", new[] { new VNVirtualMachine.AdapterSpec(lan), new VNVirtualMachine.AdapterSpec(hv02.GetPortGroup("LabNet")) });
            var gone = hv02.AddVirtualMachine("gone", new[] { new VNVirtualMachine.AdapterSpec(lan) });
            hv02.AddVirtualMachine("pinned", new[] { new VNVirtualMachine.AdapterSpec(lan, Mac("00-15-5D-14-01-03")) });
            var traveller = hv02.AddVirtualMachine("traveller", new[] { new VNVirtualMachine.AdapterSpec(lan) });
            hv02.RemoveVirtualMachine(gone);

            var hv03 = new VNHost("hv03", Hypervisor.HyperV, "2022") { IPAddress = IP("10.0.20.1") };
            hv03.SetMacAddressRange(Mac("00155D030000"), Mac("00155D0300FF"));
            var converged = hv03.AddVirtualSwitch("Converged", VirtualSwitchType.HyperV, nic: new[] { "SLOT1", "SLOT2" },
                settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true, LoadBalancingAlgorithm = LoadBalancingAlgorithm.HyperVPort });
            converged.AddPortGroup("LAN", 20);
            hv03.AddVirtualMachine("db01", new[] { new VNVirtualMachine.AdapterSpec(hv03.GetPortGroup("LAN")) });
            traveller.Move(hv03);

            var lx01 = new VNHost("lx01", Hypervisor.Linux, "6.1");
            var bond0 = lx01.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, nic: new[] { "eth0", "eth1" },
                settings: new VirtualSwitchSettings { BondMode = BondMode.Ieee8023ad, XmitHashPolicy = XmitHashPolicy.Layer3Plus4, AdSelect = AdSelect.Count });
            bond0.GetUplink("eth0").ConnectTo(sw, "Gi1/0/2");
            bond0.GetUplink("eth1").ConnectTo(sw, "Gi2/0/2");
            sw.AddPortChannel("Po2", new[] { "Gi1/0/2", "Gi2/0/2" }, PortChannelMode.Active);
            lx01.AddVirtualSwitch("bond1", VirtualSwitchType.LinuxBond, nic: new[] { "eth2", "eth3" },
                settings: new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup });
            lx01.AddVirtualMachine("guest01", new[] { new VNVirtualMachine.AdapterSpec(bond0.AddPortGroup("br0")) });

            return (hv02, hv03, lx01, sw);
        }

        /// <summary>
        /// Everything the public API shows of the model reachable from the given objects, one line per fact, in model
        /// order. Two models with equal descriptions are equal graphs as far as any user can tell.
        /// </summary>
        public static List<string> Describe(IEnumerable<object> topLevelObjects)
        {
            var lines = new List<string>();
            foreach (var o in topLevelObjects)
            {
                if (o is VNHost host) DescribeHost(host, lines);
                else if (o is VirtNet.HA.VNCluster cluster) DescribeCluster(cluster, lines);
                else DescribePhysicalSwitch((VNPhysicalSwitch)o, lines);
            }
            return lines;
        }

        static void DescribeCluster(VirtNet.HA.VNCluster c, List<string> lines)
        {
            lines.Add($"cluster {c.Name} {c.HaAgent} {c.HaProfile} hosts={string.Join(",", c.Hosts.Select(h => h.Name))} " +
                      $"switches={string.Join(",", c.PhysicalSwitches.Select(s => s.Name))} f={c.FailureDetectionTime} interval={c.FailureDetectionInterval} " +
                      $"isolation={string.Join(",", c.IsolationAddress)} default={c.UseDefaultIsolationAddress} response={c.IsolationResponse} " +
                      $"shutdown={c.IsolationShutdownTimeout} delay={c.IsolationPolicyDelay} hbds={c.HeartbeatDatastoresPerHost} " +
                      $"allow={string.Join(",", c.AllowNetwork)} ignore={c.IgnoreRedundantNetWarning}");
            foreach (var setting in c.AdvancedSetting) lines.Add($"  {setting.Key}={setting.Value}");
        }

        static void DescribeHost(VNHost host, List<string> lines)
        {
            lines.Add($"host {host.Name} {host.Hypervisor} {host.Version} fqdn={host.Fqdn} ip={host.IPAddress} dns={host.DnsResolution}");
            if (host.Hypervisor == Hypervisor.HyperV && host.MacAddressMinimum.HasValue)
            {
                var pool = host.GetMacAddressPool();
                lines.Add($"  pool {pool} {pool.Source} inUse={pool.InUse} next={pool.NextMacAddress}");
            }
            foreach (var team in host.Teams)
                lines.Add($"  team {team.Path} switch={team.VirtualSwitch.Name} {team.TeamingMode} {team.LoadBalancingAlgorithm} " +
                          $"members={string.Join(",", team.TeamMembers)} standby={team.StandbyMember}");
            foreach (var vswitch in host.VirtualSwitches)
            {
                lines.Add($"vswitch {vswitch.Path} {vswitch.Type} ports={vswitch.NumPorts} elastic={vswitch.IsElastic} used={vswitch.UsedPorts} " +
                          $"available={vswitch.NumPortsAvailable} mtu={vswitch.Mtu} next={vswitch.NextPortId} nic={string.Join(",", vswitch.Nic)}");
                lines.Add($"  platform switchType={vswitch.SwitchType} set={vswitch.EmbeddedTeamingEnabled} team={vswitch.Team?.Name} mode={vswitch.TeamingMode} " +
                          $"algorithm={vswitch.LoadBalancingAlgorithm} bond={vswitch.BondMode} hash={vswitch.XmitHashPolicy} adSelect={vswitch.AdSelect}");
                lines.Add("  teaming " + Describe(vswitch.TeamingPolicy));
                lines.Add("  connected " + string.Join(",", vswitch.ConnectedAdapters.Select(a => a.Path + "#" + a.PortId)));
                foreach (var uplink in vswitch.Uplinks)
                    lines.Add($"  uplink {uplink.Path} {uplink.SpeedMbps} mac={uplink.MacAddress} port={uplink.SwitchPort?.Path}");
                foreach (var pg in vswitch.PortGroups)
                {
                    lines.Add($"  portgroup {pg.Path} vlan={pg.VLanId} ports={string.Join(",", pg.Ports.Select(a => a.Path + "#" + a.PortId))}");
                    lines.Add("    teaming " + Describe(pg.TeamingPolicy));
                }
            }
            foreach (var vmk in host.VMKernelAdapters)
                lines.Add($"vmk {vmk.Path} pg={vmk.PortGroup.Path} ip={vmk.IPAddress}/{vmk.PrefixLength} mask={vmk.SubnetMask} gw={vmk.Gateway} " +
                          $"mtu={vmk.Mtu} purpose={string.Join(",", vmk.Purpose)} mac={vmk.MacAddress} port={vmk.PortId}");
            foreach (var vm in host.VirtualMachines)
            {
                lines.Add($"vm {vm.Path}");
                foreach (var a in vm.NetworkAdapters)
                    lines.Add($"  adapter {a.Path} pg={a.PortGroup?.Path} mac={a.MacAddress} dynamic={a.DynamicMacAddressEnabled} ip={a.IPAddress} " +
                              $"port={a.PortId} connected={a.Connected}");
            }
        }

        static string Describe(VNTeamingPolicy p) =>
            $"{p.LoadBalancingPolicy}{Inherited(p.IsLoadBalancingInherited)} {p.NetworkFailoverDetectionPolicy}{Inherited(p.IsNetworkFailoverDetectionInherited)} " +
            $"notify={p.NotifySwitches}{Inherited(p.IsNotifySwitchesInherited)} failback={p.FailbackEnabled}{Inherited(p.IsFailbackInherited)} " +
            $"{p.IpHashVariant}{Inherited(p.IsIpHashVariantInherited)} active={string.Join(",", p.ActiveNic)} standby={string.Join(",", p.StandbyNic)} " +
            $"unused={string.Join(",", p.UnusedNic)}{Inherited(p.IsFailoverOrderInherited)}";

        static string Inherited(bool inherited) => inherited ? "(inherited)" : "";

        static void DescribePhysicalSwitch(VNPhysicalSwitch s, List<string> lines)
        {
            lines.Add($"switch {s.Name} model={s.Model} stack={s.Stack} {s.LoadBalance} {s.SpanningTree} fd={s.ForwardDelay} maxage={s.MaxAge}");
            foreach (var port in s.Ports)
                lines.Add($"  port {port.Path} {port.Mode} access={port.AccessVLan} native={port.NativeVLan} allowed={port.AllowedVLan} " +
                          $"portfast={port.PortFast} mtu={port.Mtu} channel={port.PortChannel?.Name} uplink={port.Uplink?.Path}");
            foreach (var channel in s.PortChannels)
                lines.Add($"  channel {channel.Path} {channel.Mode} members={string.Join(",", channel.Members.Select(m => m.Name))}");
            foreach (var e in s.Endpoints)
                lines.Add($"  endpoint {e.Path} {e.IPAddress} vlan={e.VLanId} ping={e.RespondsToPing} {e.Role}");
        }
    }
}
