import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { users } from '../store/schema/tenancy.ts';
import { createUser, findActiveUserByEmail } from './users.ts';

describe('createUser', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());

  it('stores the address in lower case and only a hash of the password', async () => {
    const { id } = await createUser(database.db, {
      email: ' Hans@Example.NL ',
      name: 'Hans',
      password: 'a good long password',
    });
    const found = await findActiveUserByEmail(database.db, 'hans@example.nl');
    expect(found).toMatchObject({ id, email: 'hans@example.nl', locale: 'nl', isOperator: false });
    expect(found?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(await database.db.select().from(users))).not.toContain('a good long password');
  });

  it('refuses a second account for the same address, whatever its case', async () => {
    await expect(
      createUser(database.db, {
        email: 'HANS@example.nl',
        name: 'Hans 2',
        password: 'another long password',
      }),
    ).rejects.toMatchObject({ code: 'email_taken' });
  });

  it('refuses a password shorter than 12 characters', async () => {
    await expect(
      createUser(database.db, { email: 'ines@example.nl', name: 'Ines', password: 'short' }),
    ).rejects.toThrow();
  });
});
