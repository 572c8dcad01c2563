import { BlockList, isIP } from 'node:net';
import { parseCidr } from '../../platform/cidr.js';

// Where a webhook must never go unless the operator allows it: this host, private networks,
// link-local (the cloud metadata address 169.254.169.254 among them), multicast, and the
// reserved ranges. IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry.
const DENIED: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '64:ff9b::/96',
  '100::/64',
  '2001:db8::/32',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
];

function blockList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const text of cidrs) {
    const c = parseCidr(text);
    if (c) list.addSubnet(c.address, c.prefix, c.family);
  }
  return list;
}

const denied = blockList(DENIED);

/** Decides which resolved addresses a webhook may connect to. */
export interface AddressPolicy {
  allows(address: string): boolean;
}

/** Public addresses, plus those inside `allowedNetworks` (WEBHOOK_ALLOWED_NETWORKS). */
export function addressPolicy(allowedNetworks: readonly string[]): AddressPolicy {
  const allowed = blockList(allowedNetworks);
  return {
    allows(raw) {
      const address = unmapped(raw);
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (isIP(address) === 0) return false;
      return allowed.check(address, family) || !denied.check(address, family);
    },
  };
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so a mapped address meets the IPv4 rules. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}
