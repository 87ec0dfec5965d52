using System;

namespace VirtNet.Net
{
    /// <summary>An inclusive range of IPv4 addresses: "10.0.0.20-10.0.0.120", or one address "10.0.0.20".</summary>
    public readonly struct IPv4AddressRange : IEquatable<IPv4AddressRange>
    {
        public IPv4AddressRange(IPv4Address first, IPv4Address last)
        {
            if (last.Value < first.Value)
                throw new VirtNetException(ErrorIds.InvalidAddressRange, VirtNetErrorKind.InvalidArgument,
                    $"Address range {first}-{last} ends before it starts. Put the lower address first.", first + "-" + last);
            First = first;
            Last = last;
        }

        public IPv4Address First { get; }
        public IPv4Address Last { get; }
        public long Count => (long)Last.Value - First.Value + 1;

        /// <summary>Parses one address or two joined by '-' (blanks around the '-' allowed), strictly.</summary>
        public static IPv4AddressRange Parse(string text)
        {
            var dash = (text ?? "").IndexOf('-');
            if (dash < 0)
            {
                var single = IPv4Address.Parse(text);
                return new IPv4AddressRange(single, single);
            }
            string from = text.Substring(0, dash).Trim(), to = text.Substring(dash + 1).Trim();
            if (!IPv4Address.TryParse(from, out var first) || !IPv4Address.TryParse(to, out var last))
                throw new VirtNetException(ErrorIds.InvalidAddressRange, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(text)}' is not an IPv4 address range. Use two full addresses joined by '-', such as 10.0.0.20-10.0.0.120.", text);
            return new IPv4AddressRange(first, last);
        }

        public override string ToString() => First == Last ? First.ToString() : First + "-" + Last;
        public bool Equals(IPv4AddressRange other) => First == other.First && Last == other.Last;
        public override bool Equals(object obj) => obj is IPv4AddressRange other && Equals(other);
        public override int GetHashCode() => (int)(First.Value * 31 + Last.Value);
    }
}
