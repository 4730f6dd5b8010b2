/**
 * @module client-address
 * The address a request came from, for the login throttle and the audit log. Behind a reverse proxy on
 * the same host or network the socket only shows the proxy, so then the proxy's X-Forwarded-For counts.
 */
import { BlockList, isIPv4 } from 'node:net';
import type { Context } from 'hono';
import { z } from 'zod';

const NodeBindings = z.object({
  incoming: z.object({ socket: z.object({ remoteAddress: z.string().optional() }) }),
});

// Loopback and private ranges: only a proxy we run ourselves sits there, so its header is trusted.
const proxyRanges = new BlockList();
proxyRanges.addSubnet('127.0.0.0', 8, 'ipv4');
proxyRanges.addSubnet('10.0.0.0', 8, 'ipv4');
proxyRanges.addSubnet('172.16.0.0', 12, 'ipv4');
proxyRanges.addSubnet('192.168.0.0', 16, 'ipv4');
proxyRanges.addAddress('::1', 'ipv6');
proxyRanges.addSubnet('fc00::', 7, 'ipv6');

export function clientAddress(c: Context): string {
  const peer = NodeBindings.safeParse(c.env).data?.incoming.socket.remoteAddress;
  if (!peer) return 'unknown';
  const address = peer.replace(/^::ffff:(?=\d+\.)/, '');
  if (!proxyRanges.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')) return address;
  // The right-most entry is the one our proxy added; anything left of it the client could have made up.
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || address;
}
