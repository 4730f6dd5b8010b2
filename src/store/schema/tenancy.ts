/**
 * @module schema/tenancy
 * Portals, domains, administrations and their Loket connections, contract lines and GL mappings; users,
 * memberships, sessions, the log-in throttle, invitations and password resets.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** An accounting firm. Holds the portal level of the link: *Instellingen → Loket instellingen*. */
export const portals = pgTable('portals', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Loket API client registration; the secret is encrypted (see secrets/). */
  loketClientId: text('loket_client_id'),
  loketClientSecretEnc: text('loket_client_secret_enc'),
  loketEnvironment: text('loket_environment', { enum: ['production', 'acceptance'] })
    .notNull()
    .default('production'),
  /** The portal's Yuki web-service access key (portal level), encrypted. */
  yukiAccessKeyEnc: text('yuki_access_key_enc'),
  autoImport: boolean('auto_import').notNull().default(true),
  /** Periods looked at before the current one (Yuki's own link looks at none). */
  lookbackPeriods: integer('lookback_periods').notNull().default(2),
  documentKinds: jsonb('document_kinds')
    .$type<Array<'payslips' | 'journal' | 'tax_return'>>()
    .notNull()
    .default(['payslips', 'journal', 'tax_return']),
  notificationRecipients: jsonb('notification_recipients').$type<string[]>().notNull().default([]),
  /** When set, a control-total difference blocks posting instead of only warning. */
  blockOnControlDifference: boolean('block_on_control_difference').notNull().default(false),
  /** Cron expression for automatic imports; null = the built-in month-end schedule. */
  importSchedule: text('import_schedule'),
  /** The portal's Loket client has the password grant enabled (Loket's exception); shows the password form. */
  loketPasswordFlow: boolean('loket_password_flow').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The per-portal data key, wrapped by the master key. `version` goes into every ciphertext it makes. */
export const dataKeys = pgTable(
  'data_keys',
  {
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.portalId, table.version] })],
);

/** A client organisation of the firm, mirrored from Yuki. */
export const domains = pgTable(
  'domains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    yukiDomainId: text('yuki_domain_id'),
    name: text('name').notNull(),
    url: text('url'),
    /** Set when the domain disappeared from Yuki; the link settings and history stay. */
    goneFromYukiAt: timestamp('gone_from_yuki_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('domains_portal_yuki_id').on(table.portalId, table.yukiDomainId)],
);

/** Contract features of a domain; the link needs `loket_payroll_link`. */
export const domainFeatures = pgTable(
  'domain_features',
  {
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
    feature: text('feature', { enum: ['loket_payroll_link'] }).notNull(),
    addedBy: uuid('added_by'),
    addedAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.domainId, table.feature] })],
);

/** The domain level: the Loket connection for this client (password grant or OAuth authorization code). */
export const loketConnections = pgTable('loket_connections', {
  domainId: uuid('domain_id')
    .primaryKey()
    .references(() => domains.id, { onDelete: 'cascade' }),
  method: text('method', { enum: ['password', 'oauth'] }).notNull(),
  username: text('username'),
  passwordEnc: text('password_enc'),
  environmentCode: text('environment_code'),
  /** Access and refresh token as one encrypted JSON document; rotated tokens replace it. */
  tokensEnc: text('tokens_enc'),
  status: text('status', { enum: ['untested', 'ok', 'failed'] })
    .notNull()
    .default('untested'),
  /** The last test's error in Dutch and English; rows tested before 0006 have only the Dutch one. */
  lastError: text('last_error'),
  lastErrorEn: text('last_error_en'),
  missingRights: jsonb('missing_rights').$type<string[]>().notNull().default([]),
  checkedAt: timestamp('checked_at', { withTimezone: true }),
  /** Who is refreshing the tokens right now, and until when: one process at a time (refresh tokens rotate). */
  refreshLeaseId: text('refresh_lease_id'),
  refreshLeaseUntil: timestamp('refresh_lease_until', { withTimezone: true }),
  updatedAt: updatedAt(),
});

/** One set of books in a domain, mirrored from Yuki, with the administration level of the link. */
export const administrations = pgTable(
  'administrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
    yukiAdministrationId: text('yuki_administration_id'),
    name: text('name').notNull(),
    cocNumber: text('coc_number'),
    isStandard: boolean('is_standard').notNull().default(false),
    goneFromYukiAt: timestamp('gone_from_yuki_at', { withTimezone: true }),
    /** Relatiecode = the Loket client number, and what it resolved to in Loket. */
    relationCode: integer('relation_code'),
    loketEmployerId: text('loket_employer_id'),
    loketPayrollAdministrationId: text('loket_payroll_administration_id'),
    loketPayrollAdministrationName: text('loket_payroll_administration_name'),
    /** Loket's payrollPeriodType (key 1 month, 3 four weeks, 4 week); null until the Relatiecode resolves. */
    loketPeriodType: text('loket_period_type', { enum: ['month', '4weeks', 'week'] }),
    /** First period to import ("2026-10"); older ones only through an explicit backfill. */
    importFromPeriod: text('import_from_period'),
    autoImport: boolean('auto_import'),
    importSchedule: text('import_schedule'),
    /** Loket payroll component key holding net pay, when it differs from the default. */
    netPayComponentKey: integer('net_pay_component_key'),
    /** Loket cost centre code → Yuki project code. */
    costCenterProjects: jsonb('cost_center_projects').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('administrations_domain_yuki_id').on(table.domainId, table.yukiAdministrationId),
    uniqueIndex('administrations_portal_relation_code')
      .on(table.portalId, table.relationCode)
      .where(sql`${table.relationCode} is not null`),
    // A page of a portal's administrations by name (issue 13 P5).
    index('administrations_portal_name').on(table.portalId, table.name),
  ],
);

/** GL account mapping overrides: per portal (administration null) or per administration. */
export const glAccountMappings = pgTable(
  'gl_account_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    administrationId: uuid('administration_id').references(() => administrations.id, { onDelete: 'cascade' }),
    loketCode: text('loket_code').notNull(),
    yukiCode: text('yuki_code').notNull(),
  },
  (table) => [
    uniqueIndex('gl_account_mappings_scope_code')
      .on(table.portalId, table.administrationId, table.loketCode)
      .where(sql`${table.administrationId} is not null`),
    uniqueIndex('gl_account_mappings_portal_code')
      .on(table.portalId, table.loketCode)
      .where(sql`${table.administrationId} is null`),
  ],
);

/** Linking an administration other than the standard one needs an active contract line. */
export const contractLines = pgTable(
  'contract_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => administrations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['requested', 'active', 'refused', 'revoked'] }).notNull(),
    requestedBy: uuid('requested_by'),
    requestedAt: createdAt(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
  },
  (table) => [
    index('contract_lines_domain').on(table.domainId),
    // One open request or active line per administration at a time.
    uniqueIndex('contract_lines_open')
      .on(table.administrationId)
      .where(sql`${table.status} in ('requested', 'active')`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    /** The service's own operator (Yuki's administratie@ side): grants contract lines, creates portals. */
    isOperator: boolean('is_operator').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('users_email').on(sql`lower(${table.email})`)],
);

export const portalMemberships = pgTable(
  'portal_memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['portal_admin', 'portal_backoffice', 'portal_guest'] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.portalId] })],
);

export const domainMemberships = pgTable(
  'domain_memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['backoffice', 'management', 'hrm', 'guest'] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.domainId] })],
);

/** Login sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user').on(table.userId)],
);

/**
 * Log-in attempts counted per key (`ip:…`, `email_ip:…`, `email:…`) in a window that starts at the
 * key's first attempt; one upsert bumps and returns the count, so concurrent attempts cannot all pass.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull(),
  },
  (table) => [index('login_throttle_window_start').on(table.windowStart)],
);

/** A portal or domain role offered by e-mail; a membership only once the person accepts it. */
export const memberInvitations = pgTable(
  'member_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the token in the mailed link. */
    tokenHash: text('token_hash').notNull(),
    portalId: uuid('portal_id')
      .notNull()
      .references(() => portals.id, { onDelete: 'cascade' }),
    /** Set for a domain role, null for a portal role. */
    domainId: uuid('domain_id').references(() => domains.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
  },
  (table) => [
    uniqueIndex('member_invitations_token_hash').on(table.tokenHash),
    index('member_invitations_portal').on(table.portalId),
  ],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('password_resets_user').on(table.userId)],
);
