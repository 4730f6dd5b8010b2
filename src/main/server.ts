/**
 * @module server
 * Serves the app over HTTP and closes it promptly: open keep-alive connections are cut on close so a
 * shutdown never waits for an idle browser.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname = '0.0.0.0',
) {
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' ? 'localhost' : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    }) as Server;
    server.once('error', reject);
  });
}
