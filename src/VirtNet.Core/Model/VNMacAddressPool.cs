using VirtNet.Net;

namespace VirtNet
{
    /// <summary>A snapshot of a Hyper-V host's dynamic MAC address pool (Get-VNMacAddressPool).</summary>
    public sealed class VNMacAddressPool
    {
        internal VNMacAddressPool(VNHost host, MacAddressPool pool, long inUse)
        {
            Host = host;
            MacAddressMinimum = pool.Minimum;
            MacAddressMaximum = pool.Maximum;
            Source = pool.Source;
            Size = (long)pool.Size;
            InUse = inUse;
            NextMacAddress = pool.Next;
        }

        public VNHost Host { get; }
        public MacAddress MacAddressMinimum { get; }
        public MacAddress MacAddressMaximum { get; }
        public MacAddressPoolSource Source { get; }
        /// <summary>The number of addresses in the range: 256 for a derived pool.</summary>
        public long Size { get; }
        /// <summary>Addresses of the range that the host's VMs use.</summary>
        public long InUse { get; }
        public long Free => Size - InUse;
        /// <summary>Where the next dynamic allocation starts looking (it skips addresses in use and wraps round).</summary>
        public MacAddress NextMacAddress { get; }

        public override string ToString() => MacAddressPool.Describe(MacAddressMinimum, MacAddressMaximum);
    }
}
