/**
 * @module demo-logins
 * In demo mode only, the login page lists every account with its role so a newcomer can follow the
 * story, with the one password the demo seed (sandbox/demo/seed.ts) gives them all.
 */
export { listDemoLogins, type DemoLogin } from '../app/members/list-demo-logins.ts';

export const DEMO_PASSWORD = 'Demo-wachtwoord-2026';
