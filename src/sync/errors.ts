/**
 * @module sync/errors
 * Why an import refused to post, as AppErrors whose Dutch and English text says what happened and what
 * to do. Nothing is posted when one of these is thrown and none is worth an automatic retry — except an
 * attempt cut off at its deadline, which may have posted and is retried after searching Yuki.
 */
import type { Cents } from '../core/money.ts';
import { cents, formatEuro } from '../core/money.ts';
import { AppError, isAppError } from '../core/errors.ts';

export type LinkGap =
  | 'administration_unknown'
  | 'feature_missing'
  | 'no_contract_line'
  | 'no_loket_connection'
  | 'no_loket_client'
  | 'relation_code_unresolved'
  | 'no_yuki_link'
  | 'no_yuki_access_key';

const LINK_GAPS: Record<LinkGap, { nl: string; en: string }> = {
  administration_unknown: {
    nl: 'Deze administratie bestaat niet (meer).',
    en: 'This administration does not exist (any more).',
  },
  feature_missing: {
    nl: 'Het contract van dit domein bevat de Salariskoppeling met Loket niet. De portaalbeheerder voegt de feature toe.',
    en: "This domain's contract lacks the Loket payroll link. The portal administrator adds the feature.",
  },
  no_contract_line: {
    nl: 'Dit is niet de standaardadministratie en er is geen actieve contractregel. Vraag er een aan bij de beheerder.',
    en: 'This is not the standard administration and it has no active contract line. Request one from the operator.',
  },
  no_loket_connection: {
    nl: 'Dit domein heeft nog geen werkende Loket-verbinding. Stel die in bij de Loket-instellingen van het domein.',
    en: 'This domain has no working Loket connection yet. Set it up in the domain’s Loket settings.',
  },
  no_loket_client: {
    nl: 'De Loket API-registratie van het portaal ontbreekt. De portaalbeheerder vult die in bij Instellingen → Loket instellingen.',
    en: "The portal's Loket API registration is missing. The portal administrator fills it in under Settings → Loket settings.",
  },
  relation_code_unresolved: {
    nl: 'De Relatiecode (Loket-cliëntnummer) van deze administratie is niet ingevuld of niet gevonden in Loket. Controleer hem op het tabblad Administratie.',
    en: "This administration's Relatiecode (Loket client number) is empty or was not found in Loket. Check it on the Administration tab.",
  },
  no_yuki_link: {
    nl: 'De administratie of het domein is niet (meer) gekoppeld aan Yuki. Synchroniseer de domeinen met Yuki.',
    en: 'The administration or domain is not (or no longer) linked to Yuki. Synchronise the domains with Yuki.',
  },
  no_yuki_access_key: {
    nl: 'Het portaal heeft geen Yuki API-sleutel. De portaalbeheerder vult die in bij Instellingen.',
    en: 'The portal has no Yuki access key. The portal administrator fills it in under Settings.',
  },
};

/** The link of an administration is incomplete: nothing is imported until it is fixed. */
export class LinkIncompleteError extends AppError {
  constructor(readonly gap: LinkGap) {
    super(`sync.link_incomplete.${gap}`, LINK_GAPS[gap]);
  }
}

/** The journal from Loket does not balance to the cent; it is refused, never "fixed". */
export class JournalUnbalancedError extends AppError {
  constructor(period: string, debit: Cents, credit: Cents, date: string | null) {
    const on = date === null ? '' : ` op ${date}`;
    const onEn = date === null ? '' : ` on ${date}`;
    // The difference is stated too: a cent is hard to spot between two large amounts.
    const difference = formatEuro(cents(Math.abs(debit - credit)));
    super('sync.journal_unbalanced', {
      nl: `De loonjournaalpost van ${period} is niet in evenwicht${on}: debet ${formatEuro(debit)}, credit ${formatEuro(credit)} (verschil ${difference}). Er is niets naar Yuki gestuurd; laat de journaalrun in Loket corrigeren.`,
      en: `The payroll journal of ${period} does not balance${onEn}: debit ${formatEuro(debit)}, credit ${formatEuro(credit)} (difference ${difference}). Nothing was sent to Yuki; have the journal run corrected in Loket.`,
    });
  }
}

export type UnusableAccount = { loketCode: string; yukiCode: string };

/** GL accounts the journal needs are missing or disabled in the Yuki administration. */
export class UnusableGlAccountsError extends AppError {
  constructor(
    period: string,
    readonly accounts: UnusableAccount[],
  ) {
    const list = accounts
      .map((a) => (a.loketCode === a.yukiCode ? a.yukiCode : `${a.yukiCode} (Loket ${a.loketCode})`))
      .join(', ');
    super('sync.gl_accounts_unusable', {
      nl: `De loonjournaalpost van ${period} gebruikt grootboekrekeningen die in Yuki niet bestaan of niet actief zijn: ${list}. Er is niets naar Yuki gestuurd; koppel ze aan een andere rekening of activeer ze in Yuki.`,
      en: `The payroll journal of ${period} uses GL accounts that do not exist or are disabled in Yuki: ${list}. Nothing was sent to Yuki; map them to another account or enable them in Yuki.`,
    });
  }
}

/** An attempt ran into its deadline; Loket or Yuki did not answer in time. Retried, Yuki searched first. */
export class AttemptTimedOutError extends AppError {
  constructor(deadlineMs: number, cause: unknown) {
    const minutes = deadlineMs / 60_000;
    const seconds = Math.ceil(deadlineMs / 1000);
    const span = Number.isInteger(minutes)
      ? {
          nl: `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`,
          en: `${minutes} minute${minutes === 1 ? '' : 's'}`,
        }
      : {
          nl: `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`,
          en: `${seconds} second${seconds === 1 ? '' : 's'}`,
        };
    super(
      'sync.attempt_timeout',
      {
        nl: `Loket of Yuki antwoordde niet binnen ${span.nl}; deze poging is afgebroken. De import probeert het vanzelf opnieuw en doorzoekt Yuki eerst, zodat niets dubbel wordt geboekt.`,
        en: `Loket or Yuki did not answer within ${span.en}; this attempt was stopped. The import tries again by itself and searches Yuki first, so nothing is booked twice.`,
      },
      {
        retryable: true,
        cause,
        detail:
          cause instanceof Error
            ? `${cause.message}${isAppError(cause) && cause.detail ? ` — ${cause.detail}` : ''}`
            : String(cause),
      },
    );
  }
}

/** A control total differs and the portal chose to block on that. */
export class ControlTotalBlockedError extends AppError {
  constructor(warning: { nl: string; en: string }) {
    super('sync.control_total_blocked', {
      nl: `${warning.nl} De portaalinstellingen laten dan niet boeken; controleer de loonrun in Loket.`,
      en: `${warning.en} The portal settings block posting then; check the payroll run in Loket.`,
    });
  }
}

/**
 * An earlier attempt may have posted and the Yuki search cannot be relied on here: a person looks in
 * Yuki and says whether the document is there (issue 10.5). Nothing is posted until then.
 */
export class NeedsCheckError extends AppError {
  constructor() {
    super('sync.needs_check', {
      nl: 'Controleer in Yuki: een eerdere poging kan dit document al in Yuki hebben gezet, maar Yuki antwoordde niet en de zoekfunctie van Yuki vindt het hier niet zeker terug. Kijk in Yuki of het er staat en kies "Staat in Yuki — markeer als geboekt" of "Staat niet in Yuki — boek het". Tot dan wordt niets geboekt.',
      en: 'Check in Yuki: an earlier attempt may already have put this document in Yuki, but Yuki did not answer and Yuki’s search cannot be relied on to find it here. Look in Yuki and choose "It is in Yuki — mark as posted" or "It is not in Yuki — post it". Nothing is posted until then.',
    });
  }
}
