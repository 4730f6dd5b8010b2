/**
 * @module assets
 * The static files the pages load, served from the project itself (no CDN, no web fonts): htmx 4 from
 * node_modules, our stylesheet, the menus' hover script and the favicon. Read once, then kept in memory.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';

const ASSETS = {
  '/assets/htmx.min.js': {
    path: createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/app.css': {
    path: new URL('./assets/app.css', import.meta.url),
    type: 'text/css; charset=utf-8',
  },
  '/assets/app.js': {
    path: new URL('./assets/app.js', import.meta.url),
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/favicon.svg': {
    path: new URL('./assets/favicon.svg', import.meta.url),
    type: 'image/svg+xml',
  },
  // Browsers ask for /favicon.ico on their own; the SVG answers it (every current browser reads it).
  '/favicon.ico': {
    path: new URL('./assets/favicon.svg', import.meta.url),
    type: 'image/svg+xml',
  },
} as const;

export function assetRoutes(app: Hono<AppEnv>): void {
  for (const [route, asset] of Object.entries(ASSETS)) {
    let body: Promise<string> | undefined;
    app.get(route, async (c) => {
      body ??= readFile(asset.path, 'utf8');
      return c.body(await body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' });
    });
  }
}
