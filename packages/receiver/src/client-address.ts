// The address the rate limits count by. request.ip is the socket's peer, or what trustProxy lets
// X-Forwarded-For say (trust-proxy.ts). One IPv6 host usually holds a whole /64 and can rotate
// addresses inside it for free, so IPv6 addresses count by their /64; IPv4-mapped IPv6 counts as IPv4.
import { isIPv6 } from 'node:net';

export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  // Expand "::" to find the first four groups.
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The rate-limit key of a request. */
export function clientAddress(request: { ip: string }): string {
  return addressKey(request.ip);
}
