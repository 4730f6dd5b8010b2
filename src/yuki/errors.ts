/**
 * @module yuki-errors
 * Typed errors for everything Yuki (or our own pre-flight checks) can refuse, each with a short Dutch
 * and English message a person can act on. `errorFromFault` maps Yuki's SOAP faults onto them; Yuki
 * publishes few exact texts, so matching is by the phrases public clients and the sandbox agree on.
 */
import type { AppErrorOptions } from '../core/errors.ts';
import { AppError, fixedAppError } from '../core/errors.ts';

/** A SOAP fault as Yuki sent it. */
export type SoapFaultInfo = { code: string; message: string; detail: string };

export class YukiInvalidAccessKeyError extends fixedAppError('yuki.invalid_access_key', {
  nl: 'Yuki weigert de API-sleutel. Controleer de sleutel bij Instellingen > Webservices in Yuki (een Nederlandse sleutel).',
  en: 'Yuki rejected the access key. Check the key under Settings > Web services in Yuki (it must be a Dutch key).',
}) {}

/** Invalid or expired session; the client renews once by itself, so callers rarely see this. */
export class YukiSessionError extends fixedAppError(
  'yuki.session',
  {
    nl: 'De sessie bij Yuki is verlopen of ongeldig. Probeer het opnieuw.',
    en: 'The Yuki session expired or is invalid. Try again.',
  },
  { retryable: true },
) {}

/**
 * The domain's daily call budget is spent, by our own count or by Yuki's; or, with `reserve`, all but the
 * part kept for the books. Retry after the day ends.
 */
export class YukiDailyLimitError extends AppError {
  constructor(
    readonly domainId: string | null,
    options: AppErrorOptions & { reserve?: boolean } = {},
  ) {
    super(
      'yuki.daily_limit',
      options.reserve
        ? {
            nl: 'De webservicecalls van vandaag voor dit Yuki-domein zijn op, op het deel na dat bewaard blijft voor journaalposten en loonaangiften. De loonstroken gaan morgen verder.',
            en: "Today's web-service calls for this Yuki domain are used up, except the part kept for journal entries and tax returns. The payslips continue tomorrow.",
          }
        : {
            nl: 'De webservicecalls van vandaag voor dit Yuki-domein zijn op. De import gaat morgen verder.',
            en: "Today's web-service calls for this Yuki domain are used up. The import continues tomorrow.",
          },
      { retryable: true, ...options },
    );
  }
}

export class YukiAccessDeniedError extends fixedAppError('yuki.access_denied', {
  nl: 'De API-sleutel heeft geen rechten voor deze Yuki-webservice. Geef de sleutel die rechten in Yuki (Instellingen > Webservices).',
  en: 'The access key has no rights for this Yuki web service. Grant them in Yuki (Settings > Web services).',
}) {}

export class YukiAdministrationNotFoundError extends fixedAppError('yuki.administration_not_found', {
  nl: 'Yuki kent deze administratie niet, of de API-sleutel geeft er geen toegang toe. Controleer de gekoppelde administratie.',
  en: 'Yuki does not know this administration, or the access key does not reach it. Check the linked administration.',
}) {}

export class YukiUnknownGlAccountError extends AppError {
  constructor(
    readonly glAccount: string,
    options: AppErrorOptions = {},
  ) {
    super(
      'yuki.unknown_gl_account',
      {
        nl: `Grootboekrekening ${glAccount} bestaat niet of is niet actief in Yuki. Pas de grootboekkoppeling aan of activeer de rekening.`,
        en: `GL account ${glAccount} does not exist or is disabled in Yuki. Fix the GL account mapping or enable the account.`,
      },
      options,
    );
  }
}

/** Yuki refused the journal; `detail` holds Yuki's validation text. */
export class YukiJournalRejectedError extends AppError {
  constructor(yukiText: string, options: AppErrorOptions = {}) {
    super(
      'yuki.journal_rejected',
      {
        nl: `Yuki heeft de journaalpost geweigerd: ${yukiText}`,
        en: `Yuki rejected the journal entry: ${yukiText}`,
      },
      { detail: yukiText, ...options },
    );
  }
}

/** Our own check before sending: debit and credit differ, in total or on one date. */
export class YukiJournalUnbalancedError extends AppError {
  constructor(
    readonly date: string | null,
    readonly difference: string,
  ) {
    const where = date === null ? '' : ` op ${date}`;
    const whereEn = date === null ? '' : ` on ${date}`;
    super('yuki.journal_unbalanced', {
      nl: `De journaalpost is niet in evenwicht${where}: debet en credit verschillen ${difference}. Er is niets naar Yuki gestuurd.`,
      en: `The journal entry is not balanced${whereEn}: debit and credit differ by ${difference}. Nothing was sent to Yuki.`,
    });
  }
}

/** Our own check before sending: the request would exceed Yuki's request size limit. */
export class YukiDocumentTooLargeError extends AppError {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    super('yuki.document_too_large', {
      nl: `Het bestand is te groot voor Yuki (${mb(bytes)} MB, maximaal ${mb(limit)} MB per verzoek). Er is niets verstuurd.`,
      en: `The file is too large for Yuki (${mb(bytes)} MB, at most ${mb(limit)} MB per request). Nothing was sent.`,
    });
  }
}

/** Network failure, timeout, or an HTTP error without a SOAP fault: Yuki may be down; try later. */
export class YukiUnavailableError extends fixedAppError(
  'yuki.unavailable',
  {
    nl: 'Yuki is niet bereikbaar of gaf een serverfout. Het wordt later opnieuw geprobeerd.',
    en: 'Yuki could not be reached or returned a server error. It will be retried later.',
  },
  { retryable: true },
) {}

/**
 * GetGLAccountScheme answered something we cannot read (or no accounts at all). Reading it as an empty
 * scheme would refuse every journal and tell Loket they failed; it is Yuki's hiccup, so retry instead.
 */
export class YukiGlSchemeUnreadableError extends fixedAppError(
  'yuki.gl_scheme_unreadable',
  {
    nl: 'Het rekeningschema van Yuki kon niet worden gelezen. Het wordt later opnieuw geprobeerd.',
    en: "Yuki's chart of accounts could not be read. It will be retried later.",
  },
  { retryable: true },
) {}

/**
 * Any other fault; `detail` holds Yuki's text. A text the product does not recognise is uncertain, never
 * a permanent rejection: it is retried (searching Yuki first when it came from a post) and never
 * reported to Loket as a failure.
 */
export class YukiFaultError extends AppError {
  constructor(fault: SoapFaultInfo, options: AppErrorOptions = {}) {
    super(
      'yuki.fault',
      { nl: `Yuki gaf een foutmelding: ${fault.message}`, en: `Yuki returned an error: ${fault.message}` },
      {
        retryable: true,
        detail: [fault.message, fault.detail].filter(Boolean).join(' — '),
        ...options,
      },
    );
  }
}

/** Maps a fault onto the most specific error; `operation` tells journal validation from other faults. */
export function errorFromFault(fault: SoapFaultInfo, operation: string, domainId: string | null): AppError {
  const text = fault.message;
  const detail = [fault.message, fault.detail].filter(Boolean).join(' — ');
  if (/invalid access key/i.test(text)) return new YukiInvalidAccessKeyError({ detail });
  if (/invalid session|session.*(expired|invalid)/i.test(text)) return new YukiSessionError({ detail });
  if (/daily limit exceeded/i.test(text)) return new YukiDailyLimitError(domainId, { detail });
  if (/access denied|no rights/i.test(text)) return new YukiAccessDeniedError({ detail });
  if (/administration not found/i.test(text)) return new YukiAdministrationNotFoundError({ detail });
  const glAccount = /GL ?account (\S+) (does not exist|is not enabled|not found)/i.exec(text);
  if (glAccount?.[1]) return new YukiUnknownGlAccountError(glAccount[1], { detail });
  if (/maximum request length exceeded/i.test(text)) return new YukiFaultError(fault, { retryable: false });
  // Only the validation texts Yuki is known to send are a rejection; any other client fault is uncertain.
  if (
    operation === 'ProcessJournal' &&
    /client/i.test(fault.code) &&
    /not balanced|journal xml is not valid|is not valid|invalid (date|amount)/i.test(text)
  )
    return new YukiJournalRejectedError(text);
  return new YukiFaultError(fault);
}

/**
 * Whether Yuki (or our pre-flight check) refused a post outright, so it surely booked nothing: the
 * faults whose text the product recognises as a refusal. Anything else — an unknown fault, a 5xx, a
 * timeout — is uncertain: the document may be in Yuki.
 */
export function refusedOutright(error: unknown): boolean {
  return (
    error instanceof YukiInvalidAccessKeyError ||
    error instanceof YukiSessionError ||
    error instanceof YukiDailyLimitError ||
    error instanceof YukiAccessDeniedError ||
    error instanceof YukiAdministrationNotFoundError ||
    error instanceof YukiUnknownGlAccountError ||
    error instanceof YukiJournalRejectedError ||
    error instanceof YukiJournalUnbalancedError ||
    error instanceof YukiDocumentTooLargeError ||
    (error instanceof YukiFaultError && /maximum request length exceeded/i.test(error.detail ?? ''))
  );
}
