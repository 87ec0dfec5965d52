using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>The session inventory, and changing a cluster in place.</summary>
    public class InventoryTests
    {
        static (VNInventory Inventory, HaLab Lab) Kept(int hosts = 2)
        {
            var lab = new HaLab(hosts);
            var inventory = new VNInventory();
            foreach (var host in lab.Hosts) inventory.Add(host);
            inventory.Add(lab.SwitchA);
            return (inventory, lab);
        }

        [Fact]
        public void Keeps_each_object_once_and_passes_other_objects_through()
        {
            var (inventory, lab) = Kept();
            inventory.Add(lab[1]);
            Assert.Equal(new[] { "esx01", "esx02" }, inventory.Hosts.Select(h => h.Name));
            var uplink = lab[1].Uplinks.First();
            Assert.Same(uplink, inventory.Add(uplink));
            Assert.Single(inventory.PhysicalSwitches);
        }

        [Theory]
        [InlineData("esx02/vSwitch0", "esx02/vSwitch0")]
        [InlineData("ESX02/VSWITCH0", "esx02/vSwitch0")]
        [InlineData("esx01/vSwitch0/Service Console", "esx01/vSwitch0/Service Console")]
        public void Resolves_a_path_case_insensitively(string text, string expectedPath)
        {
            var (inventory, _) = Kept();
            var found = inventory.Resolve(text.Count(c => c == '/') == 1 ? typeof(VNVirtualSwitch) : typeof(VNPortGroup), text);
            Assert.Equal(expectedPath, found is VNVirtualSwitch s ? s.Path : ((VNPortGroup)found).Path);
        }

        [Theory]
        [InlineData("cat-a/Gi1/0/2", "cat-a/Gi1/0/2")]
        [InlineData("Gi1/0/1", "cat-a/Gi1/0/1")]
        public void Resolves_a_switch_port_whose_name_holds_slashes(string text, string expectedPath)
        {
            var (inventory, _) = Kept();
            Assert.Equal(expectedPath, inventory.Resolve<VNSwitchPort>(text).Path);
            // A path that only ends like one is not one.
            Assert.Throws<VirtNetException>(() => inventory.Resolve<VNSwitchPort>("a/Gi1/0/2"));
        }

        [Fact]
        public void A_name_two_objects_answer_to_is_AmbiguousName_listing_their_paths()
        {
            var (inventory, _) = Kept();
            // Both hosts have a vSwitch0: the bare name is ambiguous, the path is not.
            var e = Assert.Throws<VirtNetException>(() => inventory.Resolve<VNVirtualSwitch>("vSwitch0"));
            Assert.Equal(ErrorIds.AmbiguousName, e.ErrorId);
            Assert.Contains("esx01/vSwitch0, esx02/vSwitch0", e.Message);
            Assert.Contains("Give the full path", e.Message);
            Assert.Equal("esx01", inventory.Resolve<VNVirtualSwitch>("esx01/vSwitch0").Host.Name);
        }

        [Fact]
        public void Two_objects_with_one_name_coexist_and_the_name_asks_for_the_object()
        {
            var (inventory, _) = Kept();
            inventory.Add(new VNHost("esx01", Hypervisor.Esx, "6.7"));
            Assert.Equal(3, inventory.Hosts.Count);
            var e = Assert.Throws<VirtNetException>(() => inventory.Resolve<VNHost>("esx01"));
            Assert.Equal(ErrorIds.AmbiguousName, e.ErrorId);
            Assert.DoesNotContain("full path", e.Message);
            Assert.Contains("Pass the object itself", e.Message);
        }

        [Fact]
        public void An_unknown_name_is_the_kinds_not_found_error_listing_what_exists()
        {
            var (inventory, _) = Kept();
            var e = Assert.Throws<VirtNetException>(() => inventory.Resolve<VNHost>("esx09"));
            Assert.Equal(ErrorIds.HostNotFound, e.ErrorId);
            Assert.Contains("existing: esx01, esx02", e.Message);
            Assert.Equal(ErrorIds.ClusterNotFound, Assert.Throws<VirtNetException>(() => inventory.Resolve<VNCluster>("ha")).ErrorId);
        }

        [Fact]
        public void A_host_in_a_kept_cluster_and_a_switch_with_cabled_uplinks_are_not_removed()
        {
            var (inventory, lab) = Kept();
            var cluster = inventory.Add(lab.Cluster());
            var e = Assert.Throws<VirtNetException>(() => inventory.Remove(lab[1]));
            Assert.Equal(ErrorIds.HostInUse, e.ErrorId);
            Assert.Contains("'cluster'", e.Message);
            var s = Assert.Throws<VirtNetException>(() => inventory.Remove(lab.SwitchA));
            Assert.Equal(ErrorIds.PhysicalSwitchInUse, s.ErrorId);
            Assert.Contains("'esx01/vSwitch0/vmnic0', 'esx02/vSwitch0/vmnic0' are cabled to it", s.Message);

            inventory.Remove(cluster);
            foreach (var host in lab.Hosts.ToList()) inventory.Remove(host);
            inventory.Remove(lab.SwitchA);
            Assert.Empty(inventory.Hosts);
            Assert.Empty(inventory.PhysicalSwitches);
        }
    }

    public class ClusterChangeTests
    {
        [Fact]
        public void A_das_option_changes_in_place_and_the_others_stay()
        {
            var lab = new HaLab();
            var cluster = lab.Cluster(advanced: new Dictionary<string, object> { ["das.isolationShutdownTimeout"] = 120 });
            cluster.Set(new VNClusterChange { AdvancedSetting = new Dictionary<string, object> { ["das.failuredetectiontime"] = 30000 } }, new List<string>());
            Assert.Equal(S(30), cluster.FailureDetectionTime);
            Assert.Equal(S(120), cluster.IsolationShutdownTimeout);
        }

        [Fact]
        public void A_parameter_replaces_the_das_option_it_stands_for()
        {
            var lab = new HaLab();
            var cluster = lab.Cluster(advanced: new Dictionary<string, object>
            {
                ["das.failuredetectiontime"] = 20000,
                ["das.isolationaddress0"] = "192.168.1.2",
                ["das.usedefaultisolationaddress"] = false,
            });
            cluster.Set(new VNClusterChange
            {
                FailureDetectionTime = S(60),
                IsolationAddress = new[] { IPv4Address.Parse("192.168.1.3") },
                UseDefaultIsolationAddress = true,
            }, new List<string>());
            Assert.Equal(S(60), cluster.FailureDetectionTime);
            Assert.Equal(new[] { "192.168.1.3" }, cluster.IsolationAddress.Select(a => a.ToString()));
            Assert.True(cluster.UseDefaultIsolationAddress);
            Assert.Empty(cluster.AdvancedSetting);
        }

        [Fact]
        public void A_das_option_given_as_null_is_removed_with_what_it_set()
        {
            var lab = new HaLab();
            var cluster = lab.Cluster(advanced: new Dictionary<string, object> { ["das.isolationaddress0"] = "192.168.1.2" },
                isolationAddress: IPv4Address.Parse("192.168.1.9"));
            // 192.168.1.2 came from the option, 192.168.1.9 from the parameter: only the first goes.
            cluster.Set(new VNClusterChange { AdvancedSetting = new Dictionary<string, object> { ["DAS.IsolationAddress0"] = null } }, new List<string>());
            Assert.Equal(new[] { "192.168.1.9" }, cluster.IsolationAddress.Select(a => a.ToString()));
        }

        [Fact]
        public void Hosts_are_added_and_removed_and_a_refused_change_leaves_the_cluster_as_it_was()
        {
            var lab = new HaLab(hosts: 3);
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = new[] { lab[1], lab[2] } }, new List<string>());
            cluster.Set(new VNClusterChange { AddHost = new[] { lab[3] }, RemoveHost = new[] { lab[1] } }, new List<string>());
            Assert.Equal(new[] { "esx02", "esx03" }, cluster.Hosts.Select(h => h.Name));

            var e = Assert.Throws<VirtNetException>(() => cluster.Set(new VNClusterChange
            {
                IsolationResponse = IsolationResponse.LeaveOn,
                RemoveHost = cluster.Hosts.ToList(),
            }, new List<string>()));
            Assert.Equal(ErrorIds.InvalidCluster, e.ErrorId);
            Assert.Equal(2, cluster.Hosts.Count);
            Assert.Equal(IsolationResponse.PowerOff, cluster.IsolationResponse);
        }

        [Fact]
        public void An_isolation_address_with_nothing_modelled_is_reported_and_the_gateway_is_not()
        {
            var lab = new HaLab();
            var cluster = lab.Cluster(isolationAddress: IPv4Address.Parse("10.9.9.9"));
            Assert.Same(lab.Gateway, cluster.IsolationTargetAt(IPv4Address.Parse("192.168.1.1")));
            Assert.Null(cluster.IsolationTargetAt(IPv4Address.Parse("10.9.9.9")));
            Assert.IsType<VNVMKernelAdapter>(cluster.IsolationTargetAt(IPv4Address.Parse("192.168.1.12")));
            var findings = new ConfigurationCheck();
            findings.Add(cluster);
            var found = findings.Run(RuleCatalogue.Select(new[] { "VNH011" }, null), Severity.Information);
            Assert.Equal("VNH011 cluster: Isolation address 10.9.9.9 of cluster cluster is not modelled (no endpoint or host has it); " +
                "the simulation takes it as not answering ping.", string.Join("|", found.Select(f => $"{f.RuleId} {f.Target}: {f.Message}")));
        }
    }
}
