import { describe, expect, it } from 'vitest';
import { LoketSettingsInput } from '../../app/portals/change-loket-settings.ts';
import { LinkSettingsInput } from '../../app/administrations/change-link-settings.ts';
import { PasswordConnectionInput } from '../../app/domains/change-loket-connection.ts';
import { translator } from '../i18n.ts';
import { fieldProblem } from './field-problem.ts';

const nl = translator('nl');
const en = translator('en');

function problems(result: { success: boolean; error?: { issues: Parameters<typeof fieldProblem>[1][] } }) {
  const issues = result.error?.issues ?? [];
  return {
    nl: Object.fromEntries(issues.map((issue) => [String(issue.path[0]), fieldProblem(nl, issue)])),
    en: Object.fromEntries(issues.map((issue) => [String(issue.path[0]), fieldProblem(en, issue)])),
  };
}

describe('form problems in the language of the page', () => {
  it('says a Yuki access key is a GUID in Dutch on a Dutch page, not in zod English', () => {
    const shown = problems(
      LoketSettingsInput.safeParse({
        yukiAccessKey: 'geen-guid',
        importSchedule: 'elke dag',
        lookbackPeriods: 99,
      }),
    );
    expect(shown.nl.yukiAccessKey).toBe(nl('field.guid'));
    expect(shown.nl.yukiAccessKey).not.toContain('a Yuki access key');
    expect(shown.nl.importSchedule).toContain('cron-uitdrukking met vijf velden');
    expect(shown.nl.lookbackPeriods).toBe('Vul hoogstens 24 in.');
    expect(shown.en.yukiAccessKey).toMatch(/^A Yuki access key is a GUID/);
  });

  it('explains periods, whole numbers, empty and invisible input', () => {
    const link = problems(
      LinkSettingsInput.safeParse({ importFromPeriod: '2026-8x', netPayComponentKey: 1.5 }),
    );
    expect(link.nl.importFromPeriod).toBe(nl('field.period'));
    expect(link.nl.netPayComponentKey).toBe('Vul een geheel getal in.');
    const connection = problems(PasswordConnectionInput.safeParse({ username: '' }));
    expect(connection.nl.username).toBe('Vul dit veld in.');
    const control = problems(LoketSettingsInput.safeParse({ loketClientId: 'a\u0000b' }));
    expect(control.nl.loketClientId).toBe('Gebruik geen onzichtbare tekens of regeleinden.');
  });
});
