/**
 * @module loket/providers
 * The provider (the payroll firm's Loket environment) a signed-in user reaches: GET /providers
 * [GetProvidersByUser], whose items carry `id` (uuid) and `name` (max 70); Loket says the list always
 * holds one provider (loket-openapi.json, paths./providers.get).
 */
import { z } from 'zod';
import { guidSchema, normaliseGuid } from '../core/guid.ts';
import type { LoketConnection } from './connection.ts';

export const providerSchema = z.object({ id: guidSchema, name: z.string() });
export type LoketProvider = z.infer<typeof providerSchema>;

export async function listProviders(connection: LoketConnection): Promise<LoketProvider[]> {
  const providers: LoketProvider[] = [];
  for await (const provider of connection.list('/providers', providerSchema, {
    activity: 'GetProvidersByUser',
    subject: 'de provider',
  }))
    providers.push(provider);
  return providers;
}

/**
 * The omgevingscode names the provider: its id or its name, compared without regard to case or the
 * spaces around it (Loket documents no separate environment code, so these are the names it gives).
 */
export function providerMatches(provider: LoketProvider, environmentCode: string): boolean {
  const wanted = environmentCode.trim().toLowerCase();
  return provider.id === (normaliseGuid(wanted) ?? wanted) || provider.name.trim().toLowerCase() === wanted;
}
