namespace VirtNet.Teaming
{
    /// <summary>
    /// How a Catalyst switch picks the member of a port channel for a frame. The fields named by
    /// <c>port-channel load-balance</c> are reduced to a 3-bit hash (XOR of the low bits: 1 bit for 2 links, 2 for 4,
    /// 3 for 8), giving 8 buckets. Which bucket lands on which member is unpublished; the model sends bucket b to the
    /// (b mod m)-th member that is up, in the order the members were configured. That reproduces the documented
    /// splits 4:4, 3:3:2, 2:2:2:2, 2:2:2:1:1 ... (Cisco 12023-4; packetmischief.ca 2012).
    /// </summary>
    internal static class EtherChannelHash
    {
        public const int Buckets = 8;

        /// <summary>
        /// The bucket of a frame. The model knows no remote MAC addresses: for a frame from a remote station the
        /// caller passes the station's IPv4 address as its MAC, so each remote station keeps one bucket.
        /// </summary>
        public static int Bucket(EtherChannelLoadBalance method, uint sourceIp, uint destinationIp, ulong sourceMac, ulong destinationMac)
        {
            ulong key;
            switch (method)
            {
                case EtherChannelLoadBalance.SrcMac: key = sourceMac; break;
                case EtherChannelLoadBalance.DstMac: key = destinationMac; break;
                case EtherChannelLoadBalance.SrcDstMac: key = sourceMac ^ destinationMac; break;
                case EtherChannelLoadBalance.SrcIp: key = sourceIp; break;
                case EtherChannelLoadBalance.DstIp: key = destinationIp; break;
                default: key = sourceIp ^ destinationIp; break;
            }
            return (int)(key & (Buckets - 1));
        }

        public static int Member(int bucket, int memberCount) => bucket % memberCount;

        /// <summary>
        /// The same bucket as <see cref="Bucket"/> for the inbound frames of one local adapter, as
        /// ((remote &amp; RemoteMask) ^ Constant) &amp; 7, so a loop over that adapter's flows does no branching.
        /// The remote end is the frame's source; for the MAC methods its IPv4 address stands in for its MAC.
        /// </summary>
        public static (uint RemoteMask, uint Constant) InboundKey(EtherChannelLoadBalance method, uint localIp, ulong localMac)
        {
            switch (method)
            {
                case EtherChannelLoadBalance.SrcMac: case EtherChannelLoadBalance.SrcIp: return (uint.MaxValue, 0);
                case EtherChannelLoadBalance.DstMac: return (0, (uint)localMac);
                case EtherChannelLoadBalance.SrcDstMac: return (uint.MaxValue, (uint)localMac);
                case EtherChannelLoadBalance.DstIp: return (0, localIp);
                default: return (uint.MaxValue, localIp);
            }
        }
    }
}
