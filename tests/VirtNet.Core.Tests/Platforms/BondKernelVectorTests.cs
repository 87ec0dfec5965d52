using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using VirtNet.Net;
using VirtNet.Teaming;
using VirtNet.Tests.Import;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>
    /// Fixtures/Linux/BondXmitVectors.csv: the slave the kernel picks for balance-xor and 802.3ad, per kernel era,
    /// policy, frame, slave count and failed slave, computed by bond_xmit_vectors.c (beside it) from bond_main.c of
    /// each era, with no VirtNet code. Every row must come out of the simulation as the kernel's slave.
    /// </summary>
    public sealed class BondKernelVectorTests
    {
        internal sealed class Vector
        {
            public string Kernel, Policy, SourceMac, DestinationMac, SourceIp, DestinationIp;
            public FlowProtocol Protocol;
            public int SourcePort, DestinationPort, IcmpIdentifier, Slaves, Failed, Slave;
            public uint Hash;
        }

        internal static IReadOnlyList<Vector> Vectors { get; } = File.ReadAllLines(Fixtures.PathOf("Linux", "BondXmitVectors.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(c => new Vector
            {
                Kernel = c[0], Policy = c[1], SourceMac = c[2], DestinationMac = c[3], SourceIp = c[4], DestinationIp = c[5],
                Protocol = (FlowProtocol)Enum.Parse(typeof(FlowProtocol), c[6]),
                SourcePort = int.Parse(c[7], CultureInfo.InvariantCulture), DestinationPort = int.Parse(c[8], CultureInfo.InvariantCulture),
                IcmpIdentifier = int.Parse(c[9], CultureInfo.InvariantCulture), Slaves = int.Parse(c[10], CultureInfo.InvariantCulture),
                Failed = c[11] == "" ? -1 : int.Parse(c[11], CultureInfo.InvariantCulture),
                Hash = uint.Parse(c[12], CultureInfo.InvariantCulture), Slave = int.Parse(c[13], CultureInfo.InvariantCulture),
            }).ToList();

        [Fact]
        public void The_vectors_cover_seven_kernel_eras_every_policy_and_failures()
        {
            Assert.Equal(1584, Vectors.Count);
            Assert.Equal(new[] { "3.10", "3.16", "4.9", "4.19", "5.10", "5.15", "6.1" }, Vectors.Select(v => v.Kernel).Distinct());
            Assert.Equal(LinuxBonding.XmitHashPolicyNames, Vectors.Select(v => v.Policy).Distinct());
            Assert.Contains(Vectors, v => v.Failed >= 0 && v.Slave != v.Hash % v.Slaves);
        }

        [Fact]
        public void The_hash_of_every_era_from_3_13_is_the_kernels_and_before_it_its_residue()
        {
            foreach (var v in Vectors)
            {
                var kernel = BondKernel.Of(HostVersion.Parse(Hypervisor.Linux, v.Kernel));
                uint hash = BondHash.Hash(kernel, LinuxBonding.ParseXmitHashPolicy(v.Policy), MacAddress.Parse(v.SourceMac).LastOctet,
                    MacAddress.Parse(v.DestinationMac).LastOctet, IPv4Address.Parse(v.SourceIp).Value, IPv4Address.Parse(v.DestinationIp).Value, v.Protocol,
                    (ushort)(v.Protocol == FlowProtocol.Icmp ? v.IcmpIdentifier : v.SourcePort), (ushort)v.DestinationPort);
                // 3.10's functions return the slave number: the hash modulo the slave count.
                Assert.True(kernel.PerPolicyFunctions ? hash % (uint)v.Slaves == v.Hash : hash == v.Hash,
                    $"{v.Kernel} {v.Policy} {v.SourceIp} -> {v.DestinationIp} {v.Protocol}: {hash}, kernel {v.Hash}");
            }
        }

        [Theory]
        [InlineData("balance-xor")]
        [InlineData("802.3ad")]
        public void Every_vector_goes_out_on_the_kernels_slave(string mode)
        {
            foreach (var group in Vectors.GroupBy(v => (v.Kernel, v.Policy, v.Slaves, v.Failed)))
            {
                var (kernel, policy, slaves, failed) = group.Key;
                var host = new VNHost("lx01", Hypervisor.Linux, kernel);
                var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond,
                    settings: new VirtualSwitchSettings { BondMode = LinuxBonding.ParseBondMode(mode), XmitHashPolicy = LinuxBonding.ParseXmitHashPolicy(policy) });
                for (int i = 0; i < slaves; i++) bond.AddUplink("eth" + i);
                var pg = bond.AddPortGroup("br0");
                var sources = new Dictionary<(string, string), VNVMNetworkAdapter>();
                var flows = new List<object>();
                foreach (var v in group)
                {
                    if (!sources.TryGetValue((v.SourceMac, v.SourceIp), out var adapter))
                        sources.Add((v.SourceMac, v.SourceIp), adapter = host.AddVirtualMachine("vm" + sources.Count,
                            new[] { new VNVirtualMachine.AdapterSpec(pg, MacAddress.Parse(v.SourceMac), IPv4Address.Parse(v.SourceIp)) }).NetworkAdapters[0]);
                    bool icmp = v.Protocol == FlowProtocol.Icmp;
                    flows.Add(VNFlowList.Create(new[] { ((VNVirtualAdapter)adapter, adapter.IPAddress.Value) }, new[] { IPv4AddressRange.Parse(v.DestinationIp) },
                        protocol: v.Protocol, sourcePorts: icmp ? null : new[] { v.SourcePort }, destinationPorts: icmp ? null : new[] { v.DestinationPort },
                        icmpIdentifiers: icmp ? new[] { v.IcmpIdentifier } : null, destinationMac: MacAddress.Parse(v.DestinationMac)));
                }
                var scenario = new TrafficScenario();
                if (failed >= 0) scenario.FailedUplinks.Add(bond.Uplinks[failed]);

                var result = new TrafficSimulation(new[] { bond }, VNFlowList.Combine(flows)).Run(scenario);

                Assert.Equal(group.Select(v => "eth" + v.Slave), result.Flows.Select(f => f.Uplink.Name));
            }
        }
    }
}
