using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Tests
{
    /// <summary>
    /// Small HA labs for the tests: ESX hosts whose management port (a Service Console before 5.0, a management
    /// vmk from 5.0) sits on vSwitch0, cabled to switch cat-a (and cat-b for a second uplink), with a gateway
    /// 192.168.1.1 on cat-a that answers ping.
    /// </summary>
    internal sealed class HaLab
    {
        public readonly VNPhysicalSwitch SwitchA = new VNPhysicalSwitch("cat-a", "Catalyst 3750");
        public readonly VNPhysicalSwitch SwitchB = new VNPhysicalSwitch("cat-b", "Catalyst 3750");
        public readonly List<VNHost> Hosts = new List<VNHost>();
        public readonly VNEndpoint Gateway;

        public HaLab(int hosts = 3, string version = "3.5", PortFastMode portFast = PortFastMode.Disabled, bool standby = false)
        {
            Gateway = SwitchA.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
            for (int n = 1; n <= hosts; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, version) { Fqdn = $"esx0{n}.lab.local" };
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                Cable(vswitch.AddUplink("vmnic0"), SwitchA, "Gi1/0/" + n, portFast);
                var pg = vswitch.AddPortGroup(IsClassic(host) ? "Service Console" : "Management Network");
                if (standby)
                {
                    Cable(vswitch.AddUplink("vmnic1"), SwitchB, "Gi1/0/" + n, portFast);
                    TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } });
                }
                Management(pg, IsClassic(host) ? "vswif0" : "vmk0", "192.168.1.1" + n, "192.168.1.1");
                Hosts.Add(host);
            }
        }

        public VNHost this[int n] => Hosts[n - 1];

        public static bool IsClassic(VNHost host) => !host.VersionInfo.IsAtLeast(5, 0);

        public static VNSwitchPort Cable(VNUplink uplink, VNPhysicalSwitch sw, string port, PortFastMode portFast, SwitchPortMode mode = SwitchPortMode.Access)
        {
            var p = uplink.ConnectTo(sw, port);
            p.Mode = mode;
            p.PortFast = portFast;
            return p;
        }

        public static VNVMKernelAdapter Management(VNPortGroup pg, string name, string ip, string gateway, int prefix = 24) =>
            VNVMKernelAdapter.Create(pg, name, IPv4Address.Parse(ip), prefix, gateway == null ? (IPv4Address?)null : IPv4Address.Parse(gateway),
                purpose: new[] { IsClassic(pg.Host) ? AdapterPurpose.ServiceConsole : AdapterPurpose.Management });

        public VNCluster Cluster(TimeSpan? failureDetectionTime = null, IsolationResponse? response = null,
            IDictionary<string, object> advanced = null, List<string> warnings = null, params IPv4Address[] isolationAddress) =>
            VNCluster.Create(new VNClusterSpec
            {
                Name = "cluster",
                Hosts = Hosts,
                FailureDetectionTime = failureDetectionTime,
                IsolationResponse = response,
                IsolationAddress = isolationAddress,
                AdvancedSetting = advanced ?? new Dictionary<string, object>(),
            }, warnings ?? new List<string>());

        public static VNFailureScenario LinkDown(object target, double at, double? until = null) =>
            new VNFailureScenario("test", new[] { new VNFailureEvent(FailureEventKind.LinkDown, target, TimeSpan.FromSeconds(at),
                until.HasValue ? TimeSpan.FromSeconds(until.Value) : (TimeSpan?)null) });

        public static VNHaIsolationResult For(IReadOnlyList<VNHaIsolationResult> results, VNHost host) => results.Single(r => r.Host == host);

        public static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

        public static TimeSpan? At(VNHaIsolationResult result, HaEventKind kind) =>
            result.Timeline.Where(e => e.Event == kind).Select(e => (TimeSpan?)e.Time).FirstOrDefault();

        public static string Describe(VNHaIsolationResult result) =>
            result.Explanation + Environment.NewLine + string.Join(Environment.NewLine, result.Timeline.Select(e => e.ToString()));

        public static string Ip(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);
    }
}
