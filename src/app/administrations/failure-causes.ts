/**
 * @module failure-causes
 * Per error code, what a group of failed items says in one card: the cause, the one fix, who can do it
 * (the UI's role names) and the page where it is done. Codes not listed show the items' own texts.
 */
import type { DomainRole, PortalRole } from '../../core/roles.ts';

export type Role = PortalRole | DomainRole;

/** Where a cause is fixed; the UI turns it into a link. */
export type FixPlace = 'administration' | 'domain_loket' | 'portal_loket' | 'import';

export type FailureCause = {
  cause: { nl: string; en: string };
  fix: { nl: string; en: string };
  who: Role[];
  at: FixPlace | null;
  /** The items' own texts differ in what matters (amounts, accounts): list them in the fold. */
  perItem?: boolean;
};

const YUKI_KEY_RIGHTS: FailureCause = {
  cause: {
    nl: 'De Yuki-sleutel heeft geen rechten voor de webservice waarmee deze documenten worden geboekt (Archief of Boekhouding).',
    en: 'The Yuki access key has no rights for the web service these documents are posted with (Archive or Accounting).',
  },
  fix: {
    nl: 'Geef de sleutel de rechten in Yuki (Instellingen > Webservices) en importeer opnieuw.',
    en: 'Grant the key those rights in Yuki (Settings > Web services) and import again.',
  },
  who: ['portal_admin'],
  at: 'portal_loket',
};

export const FAILURE_CAUSES: Readonly<Record<string, FailureCause>> = {
  'yuki.access_denied': YUKI_KEY_RIGHTS,
  'yuki.invalid_access_key': {
    cause: {
      nl: 'Yuki weigert de API-sleutel van het portaal.',
      en: "Yuki rejects the portal's access key.",
    },
    fix: {
      nl: 'Vul een geldige Nederlandse Yuki-sleutel in bij de Loket-instellingen van het portaal.',
      en: "Enter a valid Dutch Yuki key in the portal's Loket settings.",
    },
    who: ['portal_admin'],
    at: 'portal_loket',
  },
  'yuki.administration_not_found': {
    cause: {
      nl: 'Yuki kent de gekoppelde administratie niet, of de sleutel geeft er geen toegang toe.',
      en: 'Yuki does not know the linked administration, or the key does not reach it.',
    },
    fix: {
      nl: 'Controleer de koppeling op het tabblad Administratie.',
      en: 'Check the link on the Administration tab.',
    },
    who: ['portal_admin', 'backoffice'],
    at: 'administration',
  },
  'yuki.fault': {
    cause: {
      nl: 'Yuki gaf een onverwachte foutmelding; de melding van Yuki staat in de details.',
      en: 'Yuki returned an unexpected error; its message is in the details.',
    },
    fix: {
      nl: 'Importeer opnieuw; helpt dat niet, stuur de details naar de beheerder.',
      en: 'Import again; if that does not help, send the details to the operator.',
    },
    who: ['portal_admin', 'backoffice'],
    at: 'import',
  },
  'yuki.journal_rejected': {
    cause: {
      nl: 'Yuki heeft de journaalpost geweigerd; de melding van Yuki staat in de details.',
      en: 'Yuki rejected the journal entry; its message is in the details.',
    },
    fix: {
      nl: 'Laat de journaalrun in Loket corrigeren en importeer opnieuw.',
      en: 'Have the journal run corrected in Loket and import again.',
    },
    who: ['backoffice'],
    at: null,
  },
  'yuki.unknown_gl_account': {
    cause: {
      nl: 'De journaalpost gebruikt een grootboekrekening die in Yuki niet bestaat of niet actief is.',
      en: 'The journal entry uses a GL account that does not exist or is disabled in Yuki.',
    },
    fix: {
      nl: 'Activeer de rekening in Yuki of koppel een andere.',
      en: 'Enable the account in Yuki or map another.',
    },
    who: ['backoffice'],
    at: null,
    perItem: true,
  },
  'sync.gl_accounts_unusable': {
    cause: {
      nl: 'De journaalpost gebruikt grootboekrekeningen die in Yuki niet bestaan of niet actief zijn.',
      en: 'The journal entry uses GL accounts that do not exist or are disabled in Yuki.',
    },
    fix: {
      nl: 'Activeer de rekeningen in Yuki of koppel andere.',
      en: 'Enable the accounts in Yuki or map others.',
    },
    who: ['backoffice'],
    at: null,
    perItem: true,
  },
  'sync.journal_unbalanced': {
    cause: {
      nl: 'De loonjournaalpost uit Loket is niet in evenwicht.',
      en: 'The payroll journal from Loket does not balance.',
    },
    fix: { nl: 'Laat de journaalrun in Loket corrigeren.', en: 'Have the journal run corrected in Loket.' },
    who: ['backoffice'],
    at: null,
    perItem: true,
  },
  'loket.missing_right': {
    cause: {
      nl: 'De Loket-gebruiker van dit domein mist een recht.',
      en: "This domain's Loket user lacks a right.",
    },
    fix: {
      nl: 'Laat de Loket-beheerder het recht toekennen en controleer de verbinding bij de Loket-instellingen van het domein.',
      en: "Have the Loket administrator grant the right, then check the connection in the domain's Loket settings.",
    },
    who: ['portal_admin', 'backoffice'],
    at: 'domain_loket',
    perItem: true,
  },
  'loket.session_expired': {
    cause: { nl: 'De verbinding met Loket is verlopen.', en: 'The connection with Loket expired.' },
    fix: {
      nl: 'Maak opnieuw verbinding bij de Loket-instellingen van het domein.',
      en: "Connect again in the domain's Loket settings.",
    },
    who: ['portal_admin', 'backoffice'],
    at: 'domain_loket',
  },
  'loket.credentials_rejected': {
    cause: {
      nl: 'Loket weigert de gebruikersnaam of het wachtwoord.',
      en: 'Loket rejects the user name or password.',
    },
    fix: {
      nl: 'Pas ze aan bij de Loket-instellingen van het domein.',
      en: "Correct them in the domain's Loket settings.",
    },
    who: ['portal_admin', 'backoffice'],
    at: 'domain_loket',
  },
  'loket.client_rejected': {
    cause: {
      nl: 'Loket herkent de API-registratie van het portaal niet.',
      en: "Loket does not recognise the portal's API registration.",
    },
    fix: {
      nl: 'Controleer client-id en client-secret bij de Loket-instellingen van het portaal.',
      en: "Check the client id and secret in the portal's Loket settings.",
    },
    who: ['portal_admin'],
    at: 'portal_loket',
  },
  'sync.link_incomplete.relation_code_unresolved': {
    cause: {
      nl: 'De Relatiecode van deze administratie is leeg of niet gevonden in Loket.',
      en: "This administration's Relatiecode is empty or was not found in Loket.",
    },
    fix: {
      nl: 'Vul de Relatiecode in op het tabblad Administratie.',
      en: 'Fill in the Relatiecode on the Administration tab.',
    },
    who: ['portal_admin', 'backoffice'],
    at: 'administration',
  },
  'sync.needs_check': {
    cause: {
      nl: 'Een eerdere poging kan deze documenten al in Yuki hebben gezet; de zoekfunctie van Yuki kan dat hier niet zeker zeggen.',
      en: 'An earlier attempt may already have put these documents in Yuki; Yuki’s search cannot say for sure here.',
    },
    fix: {
      nl: 'Kijk per document in Yuki of het er staat en kies hieronder het antwoord. Tot dan wordt niets geboekt.',
      en: 'Look in Yuki for each document and give the answer below. Nothing is posted until then.',
    },
    who: ['portal_admin', 'backoffice'],
    at: null,
  },
};
