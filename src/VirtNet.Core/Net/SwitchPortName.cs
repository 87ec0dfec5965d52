using System;
using System.Text.RegularExpressions;

namespace VirtNet.Net
{
    /// <summary>
    /// Cisco interface names in long or short form: GigabitEthernet1/0/1 = Gig1/0/1 = Gi1/0/1,
    /// TenGigabitEthernet1/0/11 = Te1/0/11. IOS accepts any unambiguous prefix of the type name.
    /// </summary>
    public static class SwitchPortName
    {
        // (long form, short form as IOS prints it). Order matters only for the exact short forms.
        static readonly string[,] Types =
        {
            { "FastEthernet", "Fa" },
            { "GigabitEthernet", "Gi" },
            { "TwoGigabitEthernet", "Tw" },
            { "FiveGigabitEthernet", "Fi" },
            { "TwentyFiveGigE", "Twe" },
            { "TenGigabitEthernet", "Te" },
            { "FortyGigabitEthernet", "Fo" },
            { "HundredGigE", "Hu" },
            { "Ethernet", "Eth" },
            { "Port-channel", "Po" },
        };

        // Slot, module and port numbers are small; six digits bound them so that no name can overflow a number.
        static readonly Regex Pattern = new Regex(@"^([A-Za-z][A-Za-z-]*?)\s*([0-9]{1,6}(?:/[0-9]{1,6})*)$", RegexOptions.CultureInvariant);

        /// <summary>Returns the short form (Gi1/0/1), or throws InvalidSwitchPortName.</summary>
        public static string Normalize(string name)
        {
            if (TryNormalize(name, out var shortName, out _)) return shortName;
            throw new VirtNetException(ErrorIds.InvalidSwitchPortName, VirtNetErrorKind.InvalidArgument,
                $"'{Echo.Cut(name)}' is not a switch interface name. Use a Cisco name in long or short form, such as GigabitEthernet1/0/1, Gi1/0/1, Te1/0/11 or Po1.", name);
        }

        public static string LongForm(string name)
        {
            TryNormalize(name, out _, out var longName);
            return longName ?? name;
        }

        public static bool TryNormalize(string name, out string shortName, out string longName)
        {
            shortName = longName = null;
            var m = Pattern.Match((name ?? "").Trim());
            if (!m.Success) return false;
            string type = m.Groups[1].Value, number = m.Groups[2].Value;
            int found = -1;
            for (int i = 0; i < Types.GetLength(0); i++)
                if (string.Equals(type, Types[i, 1], StringComparison.OrdinalIgnoreCase)) { found = i; break; }
            if (found < 0)
            {
                for (int i = 0; i < Types.GetLength(0); i++)
                {
                    if (!Types[i, 0].StartsWith(type, StringComparison.OrdinalIgnoreCase)) continue;
                    if (found >= 0) return false; // ambiguous prefix
                    found = i;
                }
            }
            if (found < 0) return false;
            shortName = Types[found, 1] + number;
            longName = Types[found, 0] + number;
            return true;
        }

        /// <summary>
        /// The speed an interface type runs at (FastEthernet 100 Mb/s, GigabitEthernet 1 Gb/s, TenGigabitEthernet
        /// 10 Gb/s ...). NX-OS names every port Ethernet whatever its speed; the model takes 10 Gb/s, the usual
        /// Nexus access port. 0 for a port channel, whose speed is its members'.
        /// </summary>
        public static int NominalSpeedMbps(string shortName)
        {
            int found = TypeIndex(shortName);
            return found < 0 ? 0 : Speeds[found];
        }

        static readonly int[] Speeds = { 100, 1000, 2500, 5000, 25000, 10000, 40000, 100000, 10000, 0 };

        static int TypeIndex(string shortName)
        {
            int end = 0;
            while (end < shortName.Length && (shortName[end] < '0' || shortName[end] > '9')) end++;
            var type = shortName.Substring(0, end);
            for (int i = 0; i < Types.GetLength(0); i++)
                if (string.Equals(type, Types[i, 1], StringComparison.Ordinal)) return i;
            return -1;
        }

        /// <summary>
        /// An order of a switch's interfaces that stands for the spanning-tree port number: by type (physical
        /// ports before port channels), then slot, module and port as numbers, so Gi1/0/2 comes before Gi1/0/10.
        /// </summary>
        public static long OrderKey(string shortName)
        {
            long key = TypeIndex(shortName) + 1;
            int count = 0, start = 0;
            while (start < shortName.Length && (shortName[start] < '0' || shortName[start] > '9')) start++;
            foreach (var part in shortName.Substring(start).Split('/'))
            {
                Numbers.TryParse(part, out int number);
                key = key * 4096 + (number & 4095);
                count++;
            }
            for (; count < 4; count++) key *= 4096;
            return key;
        }

        /// <summary>The stack member a port belongs to: the first number of Gi2/0/1 is member 2. Ports without slot numbers are on member 1.</summary>
        public static int StackMember(string shortName)
        {
            int start = 0;
            while (start < shortName.Length && (shortName[start] < '0' || shortName[start] > '9')) start++;
            int slash = shortName.IndexOf('/', start);
            if (slash < 0 || shortName.IndexOf('/', slash + 1) < 0) return 1;
            Numbers.TryParse(shortName.Substring(start, slash - start), out int member);
            return member;
        }
    }
}
