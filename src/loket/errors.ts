/**
 * @module loket/errors
 * Everything that can go wrong talking to Loket, as AppErrors with a short Dutch and English message
 * that tells a person what to do. Codes are stable; `retryable` tells the job runner to try again later.
 */
import { AppError, fixedAppError } from '../core/errors.ts';
import type { AppErrorOptions } from '../core/errors.ts';
import type { LoketRight } from './rights.ts';

/** Loket refused the user name or password (password grant: `invalid_grant`). */
export class LoketCredentialsRejectedError extends fixedAppError('loket.credentials_rejected', {
  nl: 'Loket weigert de gebruikersnaam of het wachtwoord. Controleer ze bij de Loket-instellingen van dit domein.',
  en: 'Loket refuses the user name or password. Check them in this domain’s Loket settings.',
}) {}

/**
 * The portal's Loket client may not use the password grant (`unsupported_grant_type` or
 * `unauthorized_client`): Loket enables it only by exception, so the password is not the problem.
 */
export class LoketPasswordGrantRefusedError extends fixedAppError('loket.password_grant_refused', {
  nl: 'Deze Loket-client staat inloggen met een wachtwoord niet toe; gebruik "Koppelen met Loket".',
  en: 'This Loket client does not allow signing in with a password; use "Connect with Loket" (Koppelen met Loket).',
}) {}

/** Loket refused our client id or secret: the portal's API registration is wrong. */
export class LoketClientRejectedError extends fixedAppError('loket.client_rejected', {
  nl: 'Loket herkent deze koppeling niet (client-id of client-secret onjuist). De portaalbeheerder controleert dit bij Instellingen → Loket instellingen.',
  en: 'Loket does not recognise this integration (wrong client id or secret). The portal administrator should check Settings → Loket settings.',
}) {}

/** The stored session can no longer be refreshed, or Loket keeps refusing the token. */
export class LoketSessionExpiredError extends fixedAppError('loket.session_expired', {
  nl: 'De verbinding met Loket is verlopen. Maak opnieuw verbinding bij de Loket-instellingen van dit domein.',
  en: 'The connection to Loket has expired. Reconnect in this domain’s Loket settings.',
}) {}

/** A 403: the Loket user lacks a right. */
export class LoketMissingRightError extends AppError {
  readonly right: LoketRight | null;

  constructor(right: LoketRight | null, options: AppErrorOptions = {}) {
    const name = right ?? 'onbekend';
    super(
      'loket.missing_right',
      {
        nl: `De Loket-gebruiker mist het recht "${name}". Laat de Loket-beheerder dit recht toekennen en probeer het opnieuw.`,
        en: `The Loket user lacks the right "${name}". Ask the Loket administrator to grant it, then try again.`,
      },
      options,
    );
    this.right = right;
  }
}

/** A 404: the object no longer exists in Loket, or this user cannot see it. */
export class LoketNotFoundError extends AppError {
  constructor(what: string, options: AppErrorOptions = {}) {
    super(
      'loket.not_found',
      {
        nl: `Loket kent ${what} niet (meer). Controleer of het cliëntnummer en de gebruiker kloppen.`,
        en: `Loket does not know ${what} (any more). Check the client number and the Loket user.`,
      },
      options,
    );
  }
}

/** Network errors, 5xx and 429 after the retries ran out: try again later. */
export class LoketUnavailableError extends AppError {
  /** How long Loket asked us to wait, when it said so. */
  readonly retryAfterMs: number | null;

  constructor(options: AppErrorOptions & { retryAfterMs?: number | null } = {}) {
    super(
      'loket.unavailable',
      {
        nl: 'Loket is tijdelijk niet bereikbaar of te druk. De import probeert het later automatisch opnieuw.',
        en: 'Loket is temporarily unreachable or busy. The import will try again later by itself.',
      },
      { ...options, retryable: true },
    );
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** A 400 or 409: Loket refused the request itself; `detail` carries Loket's messages. */
export class LoketRequestRefusedError extends AppError {
  readonly status: number;

  constructor(status: number, options: AppErrorOptions = {}) {
    super(
      'loket.request_refused',
      {
        nl: 'Loket weigert dit verzoek. De melding van Loket staat in de details; neem contact op met de beheerder als die niet helpt.',
        en: 'Loket refused this request. Loket’s message is in the details; contact the operator if it does not help.',
      },
      options,
    );
    this.status = status;
  }
}

/** Loket answered with something we cannot read: a changed API or a broken response. */
export class LoketUnexpectedResponseError extends fixedAppError('loket.unexpected_response', {
  nl: 'Loket gaf een antwoord dat de koppeling niet begrijpt. De beheerder is nodig; details staan in het logboek.',
  en: 'Loket sent a response the integration cannot read. The operator is needed; details are in the log.',
}) {}

/** A download grew beyond the size cap: refuse rather than fill memory or disk. */
export class LoketDownloadTooLargeError extends AppError {
  constructor(maxBytes: number, options: AppErrorOptions = {}) {
    const megabytes = Math.round(maxBytes / 1_048_576);
    super(
      'loket.download_too_large',
      {
        nl: `Het document uit Loket is groter dan ${megabytes} MB en is niet opgehaald. Neem contact op met de beheerder.`,
        en: `The document from Loket is larger than ${megabytes} MB and was not fetched. Contact the operator.`,
      },
      options,
    );
  }
}
