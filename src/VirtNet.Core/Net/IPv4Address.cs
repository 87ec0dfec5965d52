using System;
using System.Globalization;

namespace VirtNet.Net
{
    /// <summary>An IPv4 address held as its 32-bit value in network order (a.b.c.d = a&lt;&lt;24 | ... | d).</summary>
    public readonly struct IPv4Address : IEquatable<IPv4Address>, IComparable<IPv4Address>
    {
        public IPv4Address(uint value) { Value = value; }

        public uint Value { get; }

        public byte LastOctet => (byte)Value;

        /// <summary>Parses dotted-quad notation strictly: four decimal octets 0-255, no leading '+', no blanks.</summary>
        public static IPv4Address Parse(string text)
        {
            if (TryParse(text, out var address)) return address;
            throw new VirtNetException(ErrorIds.InvalidIPAddress, VirtNetErrorKind.InvalidArgument,
                $"'{Echo.Cut(text)}' is not a valid IPv4 address. Use four decimal octets from 0 to 255, such as 192.168.1.10.", text);
        }

        public static bool TryParse(string text, out IPv4Address address)
        {
            address = default;
            if (string.IsNullOrEmpty(text)) return false;
            uint value = 0;
            int octets = 0, i = 0;
            while (i <= text.Length)
            {
                int start = i, octet = 0;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    octet = octet * 10 + (text[i] - '0');
                    if (octet > 255 || i - start >= 3) return false;
                    i++;
                }
                if (i == start) return false;
                value = (value << 8) | (uint)octet;
                octets++;
                if (i == text.Length) break;
                if (text[i] != '.' || octets == 4) return false;
                i++;
            }
            if (octets != 4) return false;
            address = new IPv4Address(value);
            return true;
        }

        /// <summary>Parses "10.0.0.5" or the CIDR form "10.0.0.5/24"; <paramref name="prefixLength"/> is null without a '/'.</summary>
        public static IPv4Address ParseCidr(string text, out int? prefixLength)
        {
            prefixLength = null;
            int slash = text?.IndexOf('/') ?? -1;
            if (slash < 0) return Parse(text);
            var address = Parse(text.Substring(0, slash));
            var prefixText = text.Substring(slash + 1);
            if (prefixText.Length == 0 || prefixText.Length > 2 || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out int prefix) || prefix > 32)
                throw new VirtNetException(ErrorIds.InvalidSubnet, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(prefixText)}' in '{Echo.Cut(text)}' is not a valid prefix length. Use 0 to 32 after the '/', such as 10.0.0.5/24.", text);
            prefixLength = prefix;
            return address;
        }

        /// <summary>The mask of a prefix length: 24 gives 255.255.255.0.</summary>
        public static IPv4Address MaskFromPrefix(int prefixLength)
        {
            if (prefixLength < 0 || prefixLength > 32)
                throw new VirtNetException(ErrorIds.InvalidSubnet, VirtNetErrorKind.InvalidArgument,
                    $"Prefix length {prefixLength} is not valid. Use 0 to 32.", prefixLength);
            return new IPv4Address(prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength));
        }

        /// <summary>The prefix length of a contiguous mask: 255.255.255.0 gives 24.</summary>
        public static int PrefixFromMask(string mask)
        {
            if (!TryParse(mask, out var parsed))
                throw new VirtNetException(ErrorIds.InvalidSubnet, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(mask)}' is not a valid subnet mask. Use four decimal octets forming a contiguous mask, such as 255.255.255.0.", mask);
            var value = parsed.Value;
            int prefix = 0;
            while (prefix < 32 && (value & (0x80000000u >> prefix)) != 0) prefix++;
            if (prefix < 32 && (value << prefix) != 0)
                throw new VirtNetException(ErrorIds.InvalidSubnet, VirtNetErrorKind.InvalidArgument,
                    $"Subnet mask '{Echo.Cut(mask)}' is not contiguous. Use a mask such as 255.255.255.0.", mask);
            return prefix;
        }

        public bool IsInSubnet(IPv4Address network, int prefixLength)
        {
            var mask = MaskFromPrefix(prefixLength).Value;
            return (Value & mask) == (network.Value & mask);
        }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}",
            Value >> 24, (Value >> 16) & 0xFF, (Value >> 8) & 0xFF, Value & 0xFF);

        public bool Equals(IPv4Address other) => Value == other.Value;
        public override bool Equals(object obj) => obj is IPv4Address other && Equals(other);
        public override int GetHashCode() => (int)Value;
        public int CompareTo(IPv4Address other) => Value.CompareTo(other.Value);
        public static bool operator ==(IPv4Address a, IPv4Address b) => a.Value == b.Value;
        public static bool operator !=(IPv4Address a, IPv4Address b) => a.Value != b.Value;
    }
}
