/**
 * @module i18n-forms
 * Texts of the operator's outbox page, the confirmation steps of destructive actions, the Loket client
 * check and the contract-line decision shown to the requester, in Dutch and English.
 */
export const FORM_MESSAGES = {
  'outbox.title': { nl: 'Uitgaande e-mail', en: 'Outgoing e-mail' },
  'outbox.link': { nl: 'Uitgaande e-mail die niet is aangekomen', en: 'Outgoing e-mail that did not arrive' },
  'outbox.intro': {
    nl: 'E-mails die niet konden worden verstuurd (mislukt) of waarvoor geen mailserver is ingesteld. Een mislukte e-mail kunt u opnieuw versturen.',
    en: 'E-mails that could not be sent (failed) or for which no mail server is configured. A failed e-mail can be sent again.',
  },
  'outbox.empty': { nl: 'Alle e-mails zijn verstuurd.', en: 'Every e-mail has been sent.' },
  'outbox.noSmtp': {
    nl: 'Er is geen mailserver ingesteld (SMTP_URL): e-mails kunnen niet worden verstuurd.',
    en: 'No mail server is configured (SMTP_URL): e-mails cannot be sent.',
  },
  'outbox.created': { nl: 'Aangemaakt', en: 'Created' },
  'outbox.to': { nl: 'Aan', en: 'To' },
  'outbox.subject': { nl: 'Onderwerp', en: 'Subject' },
  'outbox.error': { nl: 'Fout', en: 'Error' },
  'outbox.attempts': { nl: 'Pogingen', en: 'Attempts' },
  'outbox.status.failed': { nl: 'Mislukt', en: 'Failed' },
  'outbox.status.not_configured': { nl: 'Geen mailserver', en: 'No mail server' },
  'outbox.status.sent': { nl: 'Verstuurd', en: 'Sent' },
  'outbox.resend': { nl: 'Opnieuw versturen', en: 'Send again' },
  'outbox.resent.sent': { nl: 'De e-mail is opnieuw verstuurd.', en: 'The e-mail has been sent again.' },
  'outbox.resent.failed': {
    nl: 'Opnieuw versturen is weer mislukt; de fout staat in de tabel.',
    en: 'Sending again failed once more; the error is in the table.',
  },
  'confirm.title': { nl: 'Weet u het zeker?', en: 'Are you sure?' },
  'confirm.yes': { nl: 'Ja, {action}', en: 'Yes, {action}' },
  'confirm.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'loket.verified': {
    nl: 'Loket heeft de client-id en het geheim geaccepteerd.',
    en: 'Loket accepted the client id and the secret.',
  },
  'domain.feature.removeQuestion': {
    nl: 'Salariskoppeling met Loket van het contract van {name} halen? Er wordt dan niets meer geïmporteerd.',
    en: 'Remove the Loket payroll link from the contract of {name}? Nothing will be imported any more.',
  },
  'members.removeQuestion': {
    nl: 'Alle rollen van {name} in dit portaal intrekken? {name} heeft dan geen toegang meer.',
    en: 'Take away all roles of {name} in this portal? {name} will have no access any more.',
  },
  'loket.refused': {
    nl: 'Loket heeft de client-id of het geheim geweigerd (invalid_client); er is niets opgeslagen. Controleer ze en probeer het opnieuw.',
    en: 'Loket refused the client id or the secret (invalid_client); nothing was saved. Check them and try again.',
  },
  'loket.unverified': {
    nl: 'Loket kon niet worden bereikt om de client-id en het geheim te controleren; er is niets opgeslagen. Probeer het later opnieuw.',
    en: 'Loket could not be reached to check the client id and the secret; nothing was saved. Try again later.',
  },
  'domain.line.noteFrom': { nl: 'Toelichting: {note}', en: 'Note: {note}' },
} as const;
