using System;
using System.Globalization;

namespace VirtNet.Net
{
    /// <summary>A 48-bit MAC address. Prints in VMware's colon form, lower case (00:50:56:aa:bb:cc).</summary>
    public readonly struct MacAddress : IEquatable<MacAddress>, IComparable<MacAddress>
    {
        public const ulong MaxValue = 0xFFFF_FFFF_FFFFUL;

        public MacAddress(ulong value)
        {
            if (value > MaxValue) throw new ArgumentOutOfRangeException(nameof(value));
            Value = value;
        }

        public ulong Value { get; }

        public byte LastOctet => (byte)Value;

        /// <summary>
        /// Accepts the forms the vendors print: 00:50:56:aa:bb:cc (VMware, Linux), 00-15-5D-01-85-00
        /// (Windows), 0050.56aa.bbcc (Cisco) and 00155D018500 (Hyper-V's Get-VMNetworkAdapter).
        /// </summary>
        public static MacAddress Parse(string text)
        {
            if (TryParse(text, out var mac)) return mac;
            throw new VirtNetException(ErrorIds.InvalidMacAddress, VirtNetErrorKind.InvalidArgument,
                $"'{Echo.Cut(text)}' is not a valid MAC address. Use six hexadecimal octets such as 00:50:56:aa:bb:cc, 00-15-5D-01-85-00 or 0050.56aa.bbcc.", text);
        }

        public static bool TryParse(string text, out MacAddress mac)
        {
            mac = default;
            if (string.IsNullOrEmpty(text)) return false;
            string digits;
            if (text.Length == 17 && (text[2] == ':' || text[2] == '-'))
            {
                char sep = text[2];
                for (int i = 2; i < 17; i += 3) if (text[i] != sep) return false;
                digits = text.Replace(sep.ToString(), "");
            }
            else if (text.Length == 14 && text[4] == '.' && text[9] == '.')
                digits = text.Replace(".", "");
            else
                digits = text;
            if (digits.Length != 12) return false;
            ulong value = 0;
            foreach (char c in digits)
            {
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0) return false;
                value = (value << 4) | (uint)d;
            }
            mac = new MacAddress(value);
            return true;
        }

        public byte this[int octet] => (byte)(Value >> (8 * (5 - octet)));

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:x2}:{1:x2}:{2:x2}:{3:x2}:{4:x2}:{5:x2}",
            this[0], this[1], this[2], this[3], this[4], this[5]);

        /// <summary>Hyper-V's form, 00-15-5D-01-85-00.</summary>
        public string ToHyphenString() => ToString().Replace(':', '-').ToUpperInvariant();

        public bool Equals(MacAddress other) => Value == other.Value;
        public override bool Equals(object obj) => obj is MacAddress other && Equals(other);
        public override int GetHashCode() => Value.GetHashCode();
        public int CompareTo(MacAddress other) => Value.CompareTo(other.Value);
        public static bool operator ==(MacAddress a, MacAddress b) => a.Value == b.Value;
        public static bool operator !=(MacAddress a, MacAddress b) => a.Value != b.Value;
    }
}
