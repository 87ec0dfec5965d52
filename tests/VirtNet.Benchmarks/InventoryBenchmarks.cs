using BenchmarkDotNet.Attributes;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// Resolving a name or path in a session inventory of an estate-sized model: 500 hosts, each with two vSwitches
    /// and four port groups. Each -Host/-VirtualSwitch/-PortGroup string of a pipeline costs one resolution; the
    /// target is well under a millisecond, so a pipeline of a thousand names adds less than a second.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class InventoryBenchmarks
    {
        const int Hosts = 500;
        VNInventory _inventory;

        [GlobalSetup]
        public void Setup()
        {
            _inventory = new VNInventory();
            for (int h = 0; h < Hosts; h++)
            {
                var host = new VNHost("esx" + h.ToString("000", System.Globalization.CultureInfo.InvariantCulture), Hypervisor.Esx, "6.7");
                for (int s = 0; s < 2; s++)
                {
                    var vswitch = host.AddVirtualSwitch("vSwitch" + s, VirtualSwitchType.Standard);
                    for (int p = 0; p < 2; p++) vswitch.AddPortGroup("PG" + s + p);
                }
                _inventory.Add(host);
            }
        }

        [Benchmark]
        public VNHost HostByName() => _inventory.Resolve<VNHost>("esx499");

        [Benchmark]
        public VNPortGroup PortGroupByPath() => _inventory.Resolve<VNPortGroup>("esx499/vSwitch1/PG11");
    }
}
