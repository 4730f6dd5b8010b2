import { describe, expect, it } from 'vitest';
import { demoLoginLines } from './seed.ts';

describe('the demo banner', () => {
  it('lists every log-in with the role name the UI uses, its domains and the person', () => {
    const lines = demoLoginLines('http://localhost:3000').join('\n');
    expect(lines).toMatch(/beheer@jansendeboer\.nl\s+Portaalbeheerder \(Petra Jansen\)/);
    expect(lines).toMatch(
      /backoffice@jansendeboer\.nl\s+Backoffice in het domein: Bakkerij De Vries, Van der Berg Groep/,
    );
    expect(lines).toMatch(/hrm@bakkerijdevries\.nl\s+HRM: Bakkerij De Vries \(Anouk Smit\)/);
    // Role codes are for the code base, not for people.
    expect(lines).not.toMatch(/\bportal_admin\b|\bportal_guest\b|\bbackoffice$/m);
  });
});
