using System.Collections.Generic;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// A Hyper-V host's dynamic MAC address pool: the registry's MinimumMacAddress and MaximumMacAddress, which
    /// Get-VMHost shows as MacAddressMinimum and MacAddressMaximum, and the point where the next allocation starts.
    /// </summary>
    internal sealed class MacAddressPool
    {
        /// <summary>Microsoft's OUI for Hyper-V virtual NICs.</summary>
        public const ulong HyperVOui = 0x00155D;

        MacAddressPool(MacAddress minimum, MacAddress maximum, MacAddressPoolSource source, ulong nextOffset)
        {
            Minimum = minimum;
            Maximum = maximum;
            Source = source;
            NextOffset = nextOffset;
        }

        public MacAddress Minimum { get; }
        public MacAddress Maximum { get; }
        public MacAddressPoolSource Source { get; }
        public ulong Size => Maximum.Value - Minimum.Value + 1;
        /// <summary>Where the next allocation starts looking, as an offset from <see cref="Minimum"/>.</summary>
        public ulong NextOffset { get; private set; }
        public MacAddress Next => new MacAddress(Minimum.Value + NextOffset);

        /// <summary>
        /// KB 2804678: 00-15-5D, then the last two octets of the host's IP address, then 00 to FF. 192.168.1.133 gives
        /// 00-15-5D-01-85-00 to 00-15-5D-01-85-FF, 256 addresses handed out upward from 00.
        /// </summary>
        public static MacAddressPool Derive(IPv4Address address)
        {
            ulong prefix = (HyperVOui << 24) | ((ulong)(address.Value & 0xFFFF) << 8);
            return new MacAddressPool(new MacAddress(prefix), new MacAddress(prefix | 0xFF), MacAddressPoolSource.Derived, 0);
        }

        /// <summary>A range set as Set-VMHost sets it; allocation starts again at the minimum.</summary>
        public static MacAddressPool Explicit(MacAddress minimum, MacAddress maximum)
        {
            CheckRange(minimum, maximum);
            return new MacAddressPool(minimum, maximum, MacAddressPoolSource.Explicit, 0);
        }

        /// <summary>A pool as saved in a configuration file, with its allocation point.</summary>
        public static MacAddressPool Restore(MacAddress minimum, MacAddress maximum, MacAddressPoolSource source, MacAddress next)
        {
            CheckRange(minimum, maximum);
            if (next.Value < minimum.Value || next.Value > maximum.Value)
                throw new VirtNetException(ErrorIds.InvalidMacAddressPool, VirtNetErrorKind.InvalidArgument,
                    $"The next dynamic MAC address {next.ToHyphenString()} is outside the pool {Describe(minimum, maximum)}.", next.ToString());
            return new MacAddressPool(minimum, maximum, source, next.Value - minimum.Value);
        }

        static void CheckRange(MacAddress minimum, MacAddress maximum)
        {
            if (minimum.Value > maximum.Value)
                throw new VirtNetException(ErrorIds.InvalidMacAddressPool, VirtNetErrorKind.InvalidArgument,
                    $"MacAddressMinimum {minimum.ToHyphenString()} is above MacAddressMaximum {maximum.ToHyphenString()}. Give the lower address as the minimum.", minimum.ToString());
            // The I/G bit: a group address cannot be a network adapter's own address.
            foreach (var mac in new[] { minimum, maximum })
                if ((mac[0] & 1) != 0)
                    throw new VirtNetException(ErrorIds.InvalidMacAddressPool, VirtNetErrorKind.InvalidArgument,
                        $"{mac.ToHyphenString()} is a multicast address (lowest bit of the first octet set); a pool of adapter addresses must be unicast, such as 00-15-5D-xx-xx-xx.", mac.ToString());
            if ((minimum.Value >> 40) != (maximum.Value >> 40))
                throw new VirtNetException(ErrorIds.InvalidMacAddressPool, VirtNetErrorKind.InvalidArgument,
                    $"The range {Describe(minimum, maximum)} spans unicast and multicast first octets. Keep both ends in one first octet.", minimum.ToString());
        }

        public bool Contains(MacAddress mac) => mac.Value >= Minimum.Value && mac.Value <= Maximum.Value;

        public bool Overlaps(MacAddressPool other) => Minimum.Value <= other.Maximum.Value && other.Minimum.Value <= Maximum.Value;

        /// <summary>
        /// Hands out <paramref name="count"/> addresses upward from where the last allocation stopped, skipping those in
        /// use, wrapping from the maximum to the minimum (techgenix; John Howard's MAC allocation article): an address freed
        /// by a removed or migrated VM comes round again. All or nothing: when fewer addresses are free, nothing is taken
        /// and the pool is exhausted, as KB 2804678 describes ("Attempt to access invalid address").
        /// </summary>
        public MacAddress[] Allocate(int count, HashSet<ulong> inUse, string hostName)
        {
            ulong used = 0;
            foreach (var mac in inUse)
                if (mac >= Minimum.Value && mac <= Maximum.Value) used++;
            if (Size - used < (ulong)count)
                throw new VirtNetException(ErrorIds.MacAddressPoolExhausted, VirtNetErrorKind.ResourceUnavailable,
                    $"The dynamic MAC address pool of host '{Echo.Cut(hostName)}' ({Describe(Minimum, Maximum)}, {Size} addresses) has {Size - used} free and {count} are needed. " +
                    "Hyper-V fails the same way with 'Attempt to access invalid address' (KB 2804678). Widen the range with Set-VNHost " +
                    "-MacAddressMinimum/-MacAddressMaximum, remove VMs that are gone, or give the adapters static MAC addresses.", hostName);
            var taken = new MacAddress[count];
            ulong offset = NextOffset;
            for (int i = 0; i < count; offset = (offset + 1) % Size)
            {
                ulong candidate = Minimum.Value + offset;
                if (inUse.Contains(candidate)) continue;
                taken[i++] = new MacAddress(candidate);
            }
            NextOffset = offset;
            return taken;
        }

        public static string Describe(MacAddress minimum, MacAddress maximum) => minimum.ToHyphenString() + " to " + maximum.ToHyphenString();

        public override string ToString() => Describe(Minimum, Maximum);
    }
}
