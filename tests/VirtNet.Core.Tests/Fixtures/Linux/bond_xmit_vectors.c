/*
 * The provenance of BondXmitVectors.csv: the Linux bonding driver's transmit slave choice for balance-xor and
 * 802.3ad, transcribed from drivers/net/bonding/bond_main.c of each kernel era and run on real frame bytes.
 * It shares no code with VirtNet. Build and run once on a little-endian machine (x86-64, arm64):
 *
 *     cc -O2 -o /tmp/bond_xmit_vectors bond_xmit_vectors.c && /tmp/bond_xmit_vectors > BondXmitVectors.csv
 *
 * Eras (upstream releases; the functions named are those of bond_main.c in that release):
 *   3.10  bond_xmit_hash_policy_l2/l23/l34: (ntohl(saddr ^ daddr) & 0xffff) and ntohs(sport ^ dport), no fold;
 *         bond_xmit_xor: slave (hash % slave_cnt), else the next slave that can transmit.
 *   3.16  bond_xmit_hash after "bonding: modify the old and add new xmit hash policies" (3.13): bond_eth_hash
 *         h_dest[5] ^ h_source[5], ports or eth hash ^ daddr ^ saddr read as native u32, folded >> 16 and >> 8;
 *         still hash % slave_cnt with the next-usable fallback.
 *   4.9   bond_eth_hash also XORs the raw h_proto (0x0008 for IPv4 on little-endian); bond_3ad_xor_xmit picks
 *         slave_arr->arr[hash % count] over the slaves that can transmit (both already in 3.18's bond_main.c).
 *   4.19  "bonding: discard lowest hash bit for 802.3ad layer3+4" (4.15): return hash >> 1, for every policy
 *         that dissects (all but layer2).
 *   5.10  "bonding: balance ICMP echoes in layer3+4 mode" (5.5): layer3+4 and encap3+4 start from the ICMP
 *         type, code and id (flow_dissector_key_icmp) instead of the ports; the id is the raw __be16.
 *   5.15  skb_flow_get_icmp_tci stores ntohs(id) ("flow_dissector: fix byteorder of dissected ICMP ID", 5.12);
 *         bond_eth_hash XORs be16_to_cpu(h_proto) (the XDP refactoring of __bond_xmit_hash, 5.15).
 *   6.1   bond_ip_hash: only layer3+4 and encap3+4 discard the lowest bit ("bonding: do not discard lowest hash
 *         bit for non layer3+4 hashing", 5.18).
 *
 * Output, one line per case: kernel,policy,srcmac,dstmac,srcip,dstip,protocol,sport,dport,icmpid,slaves,failed,hash,slave
 * where failed lists the failed slave numbers separated by '+', hash is what the era's hash function returns
 * (3.10: already reduced modulo the slave count), and slave is the slave that transmits (-1: none).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { L2, L23, L34, E23, E34 };
static const char *policy_names[] = { "layer2", "layer2+3", "layer3+4", "encap2+3", "encap3+4" };

enum era { K310, K316, K409, K419, K510, K515, K601 };
static const char *era_names[] = { "3.10", "3.16", "4.9", "4.19", "5.10", "5.15", "6.1" };

/* A frame as the wire carries it: Ethernet, IPv4 without options, then TCP/UDP ports or an ICMP echo header. */
struct frame { uint8_t b[14 + 20 + 8]; };

static uint16_t bswap16(uint16_t v) { return (uint16_t)((v >> 8) | (v << 8)); }
static uint32_t bswap32(uint32_t v) { return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24); }
static uint16_t rd16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }   /* native read */
static uint32_t rd32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }   /* native read */

static void build(struct frame *f, const uint8_t *smac, const uint8_t *dmac, const uint8_t *sip, const uint8_t *dip,
                  int proto, unsigned sport, unsigned dport, unsigned icmpid)
{
    memset(f, 0, sizeof *f);
    memcpy(f->b, dmac, 6);
    memcpy(f->b + 6, smac, 6);
    f->b[12] = 0x08; f->b[13] = 0x00;                   /* ETH_P_IP, network order */
    uint8_t *ip = f->b + 14;
    ip[0] = 0x45;                                       /* version 4, ihl 5 */
    ip[9] = (uint8_t)proto;                             /* 6 TCP, 17 UDP, 1 ICMP */
    memcpy(ip + 12, sip, 4);
    memcpy(ip + 16, dip, 4);
    uint8_t *l4 = ip + 20;
    if (proto == 1) {
        l4[0] = 8; l4[1] = 0;                           /* echo request */
        l4[4] = (uint8_t)(icmpid >> 8); l4[5] = (uint8_t)icmpid;
    } else {
        l4[0] = (uint8_t)(sport >> 8); l4[1] = (uint8_t)sport;
        l4[2] = (uint8_t)(dport >> 8); l4[3] = (uint8_t)dport;
    }
}

/* 3.10 bond_xmit_hash_policy_*(skb, count): the slave number before the fallback. */
static uint32_t hash_310(int policy, const struct frame *f, int count)
{
    const uint8_t *d = f->b, *s = f->b + 6, *ip = f->b + 14, *l4 = ip + 20;
    uint32_t l2 = (uint32_t)(d[5] ^ s[5]);
    uint32_t addr = bswap32(rd32(ip + 12) ^ rd32(ip + 16)) & 0xffff;   /* ntohl(iph->saddr ^ iph->daddr) & 0xffff */
    if (policy == L2) return l2 % count;
    if (policy == L23) return (addr ^ l2) % count;
    uint32_t layer4_xor = 0;
    if (ip[9] == 6 || ip[9] == 17) layer4_xor = bswap16((uint16_t)(rd16(l4) ^ rd16(l4 + 2)));
    return (layer4_xor ^ addr) % count;
}

/* bond_xmit_hash of 3.13 and later, per era. */
static uint32_t hash_flow(enum era era, int policy, const struct frame *f)
{
    const uint8_t *d = f->b, *s = f->b + 6, *ip = f->b + 14, *l4 = ip + 20;
    uint32_t eth = (uint32_t)(d[5] ^ s[5]);
    uint16_t proto_raw = rd16(f->b + 12);
    if (era >= K515) eth ^= bswap16(proto_raw);         /* be16_to_cpu(h_proto) */
    else if (era >= K409) eth ^= proto_raw;              /* h_proto as stored */
    if (policy == L2) return eth;

    uint32_t hash;
    if (policy == L23 || policy == E23) {
        hash = eth;
    } else {
        uint32_t ports = 0, icmp = 0;
        if (ip[9] == 6 || ip[9] == 17) ports = rd32(l4);                 /* flow.ports.ports */
        if (ip[9] == 1 && era >= K510) {
            uint16_t raw = rd16(l4 + 4), id = era >= K515 ? bswap16(raw) : raw;
            if (!id && !raw) id = 1;                    /* 0 means "no id": an id of 0 is kept as 1 */
            uint8_t key[4] = { l4[0], l4[1] };          /* struct { u8 type; u8 code; }; u16 id; */
            memcpy(key + 2, &id, 2);
            icmp = rd32(key);
            if (id) { hash = icmp; goto addresses; }
        }
        hash = ports;
    }
addresses:
    hash ^= rd32(ip + 16) ^ rd32(ip + 12);              /* flow dst ^ src, __be32 read as u32 */
    hash ^= hash >> 16;
    hash ^= hash >> 8;
    if (era >= K601) return (policy == L34 || policy == E34) ? hash >> 1 : hash;
    if (era >= K419) return hash >> 1;
    return hash;
}

/* The slave that transmits, given which slaves cannot (failed[i] != 0). */
static int slave_for(enum era era, uint32_t hash, int count, const int *failed)
{
    if (era >= K409) {                                  /* slave_arr: the slaves that can transmit, in order */
        int usable[16], n = 0;
        for (int i = 0; i < count; i++) if (!failed[i]) usable[n++] = i;
        return n ? usable[hash % (uint32_t)n] : -1;
    }
    int start = era == K310 ? (int)hash : (int)(hash % (uint32_t)count);
    for (int k = 0; k < count; k++) {                   /* bond_for_each_slave_from(start): the next that can */
        int i = (start + k) % count;
        if (!failed[i]) return i;
    }
    return -1;
}

struct flowcase { const char *smac, *dmac, *sip, *dip; int proto; unsigned sport, dport, icmpid; };

static void parse_mac(const char *t, uint8_t *m) { unsigned v[6]; sscanf(t, "%x:%x:%x:%x:%x:%x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]); for (int i = 0; i < 6; i++) m[i] = (uint8_t)v[i]; }
static void parse_ip(const char *t, uint8_t *a) { unsigned v[4]; sscanf(t, "%u.%u.%u.%u", &v[0], &v[1], &v[2], &v[3]); for (int i = 0; i < 4; i++) a[i] = (uint8_t)v[i]; }

int main(void)
{
    static const struct flowcase cases[] = {
        { "52:54:00:12:34:e3", "52:54:00:00:00:a0", "192.168.122.30", "192.168.122.1",  6, 40000,   80,     0 },
        { "52:54:00:12:34:e3", "52:54:00:00:00:a1", "192.168.122.30", "192.168.122.1",  6, 40001,   80,     0 },
        { "00:50:56:01:02:0b", "00:1b:21:aa:bb:5c", "10.0.0.1",       "10.0.0.2",      17, 5353,  5353,     0 },
        { "00:50:56:01:02:0b", "00:1b:21:aa:bb:5d", "10.0.0.1",       "10.0.7.200",     6, 33000,  443,     0 },
        { "52:54:00:12:34:e3", "52:54:00:00:00:a0", "192.168.122.30", "192.168.122.1",  1,     0,    0, 0x1234 },
        { "00:50:56:01:02:0b", "00:1b:21:aa:bb:5c", "10.0.0.1",       "10.0.0.2",       1,     0,    0,      7 },
        { "00:50:56:01:02:0b", "00:1b:21:aa:bb:5c", "10.0.0.1",       "10.0.0.2",       1,     0,    0,      0 },
        { "02:00:00:00:00:07", "ff:ff:ff:ff:ff:ff", "172.16.5.9",     "172.16.5.255",  17, 68,      67,     0 },
    };
    static const int slave_counts[] = { 2, 3, 4, 5 };
    printf("kernel,policy,srcmac,dstmac,srcip,dstip,protocol,sport,dport,icmpid,slaves,failed,hash,slave\n");
    for (int e = K310; e <= K601; e++)
        for (int p = L2; p <= E34; p++) {
            if (e == K310 && p > L34) continue;         /* encap2+3 and encap3+4 arrived in 3.13 */
            for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
                for (size_t k = 0; k < sizeof slave_counts / sizeof slave_counts[0]; k++)
                    for (int fail = -1; fail < 2; fail++) {   /* nothing failed, slave 0 failed, slave 1 failed */
                        const struct flowcase *fc = &cases[c];
                        int count = slave_counts[k], failed[16] = { 0 };
                        if (fail >= 0) { if (count != 3) continue; failed[fail] = 1; }
                        uint8_t smac[6], dmac[6], sip[4], dip[4];
                        parse_mac(fc->smac, smac); parse_mac(fc->dmac, dmac); parse_ip(fc->sip, sip); parse_ip(fc->dip, dip);
                        struct frame f;
                        build(&f, smac, dmac, sip, dip, fc->proto, fc->sport, fc->dport, fc->icmpid);
                        uint32_t hash = e == K310 ? hash_310(p, &f, count) : hash_flow((enum era)e, p, &f);
                        int slave = slave_for((enum era)e, hash, count, failed);
                        printf("%s,%s,%s,%s,%s,%s,%s,%u,%u,%u,%d,%s,%u,%d\n", era_names[e], policy_names[p], fc->smac, fc->dmac,
                               fc->sip, fc->dip, fc->proto == 6 ? "Tcp" : fc->proto == 17 ? "Udp" : "Icmp", fc->sport, fc->dport,
                               fc->icmpid, count, fail < 0 ? "" : (fail == 0 ? "0" : "1"), hash, slave);
                    }
        }
    return 0;
}
