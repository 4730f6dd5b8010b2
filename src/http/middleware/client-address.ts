/**
 * @module client-address
 * The address a request came from, for the login throttle and the audit log. Behind a reverse proxy the
 * socket only shows the proxy, so X-Forwarded-For counts, but only from proxies named in TRUSTED_PROXIES.
 */
import { BlockList, isIP, isIPv4 } from 'node:net';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';

const NodeBindings = z.object({
  incoming: z.object({ socket: z.object({ remoteAddress: z.string().optional() }) }),
});

const family = (address: string) => (isIPv4(address) ? 'ipv4' : 'ipv6');

// Built once per configuration list; config objects live as long as the process.
const built = new WeakMap<readonly string[], BlockList>();

/** The trusted proxies as a BlockList (entries are validated IPs or CIDRs, see platform/config.ts). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  let list = built.get(entries);
  if (list) return list;
  list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  built.set(entries, list);
  return list;
}

/** The real client: the socket's peer, or the entry our trusted proxies added to X-Forwarded-For. */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList,
): string {
  if (!peer) return 'unknown';
  let address = peer.replace(/^::ffff:(?=\d+\.)/, '');
  if (!forwardedFor || !isIP(address)) return address;
  // Walk right to left through the proxies we trust; the first other address is the client (anything
  // further left the client could have written itself).
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim().replace(/^::ffff:(?=\d+\.)/, ''))
    .filter(Boolean);
  while (trusted.check(address, family(address))) {
    const next = hops.pop();
    if (!next || !isIP(next)) return address;
    address = next;
  }
  return address;
}

export function clientAddress(c: Context<AppEnv>): string {
  const peer = NodeBindings.safeParse(c.env).data?.incoming.socket.remoteAddress;
  const trusted = trustedProxyList(c.var.services.config.trustedProxies);
  return resolveClientAddress(peer, c.req.header('x-forwarded-for'), trusted);
}
