/**
 * @module i18n-help
 * The one-line explanations of settings people asked about (issue 14.9): the net-pay payroll component
 * and the five Loket rights by their Loket names; and form problems in words. Part of MESSAGES.
 */

export const HELP_MESSAGES = {
  'admin.netPayHint': {
    nl: 'Het nummer van de looncomponent in Loket waarin het nettoloon van een loonstrook staat; dat bedrag komt bij de loonstrook in Yuki. Leeg: 260, het nummer dat Loket standaard gebruikt.',
    en: 'The number of the Loket payroll component that holds the net pay of a payslip; that amount goes with the payslip into Yuki. Empty: 260, the number Loket uses by default.',
  },
  'rights.title': { nl: 'De vijf benodigde rechten', en: 'The five rights needed' },
  'rights.intro': {
    nl: 'Een Loket-beheerder geeft ze aan de Loket-gebruiker van de koppeling; zo heten ze in Loket:',
    en: "A Loket administrator grants them to the link's Loket user; these are their names in Loket:",
  },
  'rights.Raadplegen dienstverbanden': {
    nl: 'de dienstverbanden van de werkgever lezen, om de loonstroken per medewerker op te halen',
    en: "read the employer's employments, to fetch the payslips per employee",
  },
  'rights.940 journaliseren': {
    nl: 'de journaalruns en hun resultaten lezen: de loonjournaalpost',
    en: 'read the journal runs and their results: the payroll journal entry',
  },
  'rights.Exporteren journaalrun': {
    nl: 'een journaalrun die in Yuki is geboekt in Loket als verwerkt markeren',
    en: 'mark a journal run that was posted in Yuki as processed in Loket',
  },
  'rights.Raadplegen loonaangifte': {
    nl: 'de loonaangiften en hun overzicht lezen',
    en: 'read the payroll tax returns and their overview',
  },
  'rights.Raadplegen loonoutput': {
    nl: 'de verloningsperioden, verloningen en loonstroken (pdf) lezen',
    en: 'read the payroll periods, payroll runs and payslips (PDF)',
  },
  'field.required': { nl: 'Vul dit veld in.', en: 'Fill in this field.' },
  'field.min': { nl: 'Vul minstens {min} in.', en: 'Enter at least {min}.' },
  'field.max': { nl: 'Vul hoogstens {max} in.', en: 'Enter at most {max}.' },
  'field.tooLong': { nl: 'Hoogstens {max} tekens.', en: 'At most {max} characters.' },
  'field.tooMany': { nl: 'Hoogstens {max}.', en: 'At most {max}.' },
  'field.number': { nl: 'Vul een geheel getal in.', en: 'Enter a whole number.' },
  'field.choice': { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  'field.control': {
    nl: 'Gebruik geen onzichtbare tekens of regeleinden.',
    en: 'Do not use invisible characters or line breaks.',
  },
  'field.invalid': { nl: 'Deze waarde kan niet worden opgeslagen.', en: 'This value cannot be stored.' },
  'field.guid': {
    nl: 'Een Yuki-toegangssleutel is een GUID: 32 hexadecimale tekens, bijvoorbeeld 1b4e28ba-2fa1-11d2-883f-0016d3cca427.',
    en: 'A Yuki access key is a GUID: 32 hexadecimal characters, for example 1b4e28ba-2fa1-11d2-883f-0016d3cca427.',
  },
  'field.cron': {
    nl: 'Een cron-uitdrukking met vijf velden, bijvoorbeeld "0 7 * * 1-5" (werkdagen om 07:00).',
    en: 'A cron expression with five fields, for example "0 7 * * 1-5" (weekdays at 07:00).',
  },
  'field.period': {
    nl: 'Een periode als 2026-10 (of 2026-13 voor een 13e periode).',
    en: 'A period such as 2026-10 (or 2026-13 for a 13th period).',
  },
  'field.emails': {
    nl: 'Geldige e-mailadressen, één per regel, hoogstens 20.',
    en: 'Valid e-mail addresses, one per line, at most 20.',
  },
} as const;
