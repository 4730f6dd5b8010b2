/**
 * @module state
 * The sandbox's in-memory Yuki: domains, administrations with the NL default chart of accounts, access
 * keys, sessions, contacts, archive documents and journals. Seeded from the shared demo firm; lives as
 * long as the process.
 */
import { demoFirm } from '../shared/demo-firm.ts';

export const SERVICES = ['Accounting', 'AccountingInfo', 'Archive'] as const;
export type Service = (typeof SERVICES)[number];

export type KeyLevel = 'portal' | 'domain' | 'administration';

export type AccessKey = {
  key: string;
  level: KeyLevel;
  description: string;
  rights: readonly Service[];
  domainIds: readonly string[];
  /** Empty = every administration of `domainIds`. */
  administrationIds: readonly string[];
};

export type Domain = { id: string; name: string; url: string };

export type GlAccount = {
  code: string;
  /** 1 = balance sheet, 2 = profit and loss (I: Yuki's codes are not documented). */
  type: number;
  subtype: number;
  description: string;
  descriptionEN: string;
  isEnabled: boolean;
  isVATApplicable: boolean;
};

export type Administration = {
  id: string;
  domainId: string;
  name: string;
  cocNumber: string;
  vatNumber: string;
  addressLine: string;
  postcode: string;
  city: string;
  startDate: string;
  isStandard: boolean;
  glAccounts: GlAccount[];
};

export type Contact = { id: string; domainId: string; code: string; name: string };

export type JournalLine = {
  entryDate: string;
  glAccount: string;
  /** Integer cents, positive = debit. */
  amountCents: number;
  description: string;
  contactName: string | null;
  contactCode: string | null;
};

export type Journal = {
  /** Also the id of the memoriaal archive document it created. */
  id: string;
  administrationId: string;
  subject: string;
  journalType: string;
  projectId: string | null;
  projectCode: string | null;
  lines: JournalLine[];
  created: Date;
};

export type ArchiveDocument = {
  id: string;
  domainId: string;
  administrationId: string;
  folder: number;
  tab: number | null;
  type: number;
  typeDescription: string;
  subject: string;
  fileName: string;
  /** Integer cents, or null when uploaded without data. */
  amountCents: number | null;
  currency: string;
  costCategory: string;
  paymentMethod: number | null;
  project: string;
  remarks: string;
  contactName: string;
  creator: string;
  bytes: Uint8Array;
  created: Date;
};

export type Session = {
  id: string;
  key: AccessKey;
  currentDomainId: string;
  createdAt: number;
  calls: number;
  invalidated: boolean;
};

export type Folder = {
  id: number;
  description: string;
  descriptionEN: string;
  type: number;
  typeDescription: string;
};

/** Archive folders (R: IDs agreed by three public clients). Type codes per folder are our assumption (I). */
export const FOLDERS: readonly Folder[] = [
  { id: 1, description: 'Inkoop', descriptionEN: 'Purchase', type: 1, typeDescription: 'Inkoopfactuur' },
  { id: 2, description: 'Verkoop', descriptionEN: 'Sales', type: 6, typeDescription: 'Verkoopfactuur' },
  { id: 3, description: 'Bank', descriptionEN: 'Bank', type: 3, typeDescription: 'Bankafschrift' },
  {
    id: 4,
    description: 'Personeel',
    descriptionEN: 'Human Resources',
    type: 20,
    typeDescription: 'Salarisstrook',
  },
  { id: 5, description: 'Belasting', descriptionEN: 'Tax', type: 21, typeDescription: 'Belastingaangifte' },
  { id: 6, description: 'Verzekering', descriptionEN: 'Insurance', type: 22, typeDescription: 'Verzekering' },
  {
    id: 7,
    description: 'Uitzoeken Yuki',
    descriptionEN: 'To be handled by Yuki',
    type: 0,
    typeDescription: 'Nog te verwerken',
  },
  {
    id: 8,
    description: 'Overig financieel',
    descriptionEN: 'Other financial',
    type: 9,
    typeDescription: 'Overig financieel',
  },
  {
    id: 100,
    description: 'Zelf te ordenen',
    descriptionEN: 'To be sorted',
    type: 30,
    typeDescription: 'Overig',
  },
  {
    id: 101,
    description: 'Correspondentie',
    descriptionEN: 'Correspondence',
    type: 30,
    typeDescription: 'Overig',
  },
  { id: 102, description: 'Vergaderingen', descriptionEN: 'Meetings', type: 30, typeDescription: 'Overig' },
];

/** Where ProcessJournal files the memoriaal document it creates (I). */
export const JOURNAL_FOLDER = 8;
export const JOURNAL_DOCUMENT_TYPE = { type: 10, typeDescription: 'Memoriaal' } as const;

/** A disabled account, so tests can post to an account that exists but is closed. */
export const DISABLED_GL_ACCOUNT = '40999';

/** The NL default scheme's accounts the payroll journal needs (SUP 80000787656), plus a few neighbours. */
function defaultGlScheme(): GlAccount[] {
  const account = (
    code: string,
    type: number,
    description: string,
    descriptionEN: string,
    isEnabled = true,
  ) => ({
    code,
    type,
    subtype: 0,
    description,
    descriptionEN,
    isEnabled,
    isVATApplicable: false,
  });
  return [
    account('11000', 1, 'Bank', 'Bank'),
    account('12000', 1, 'Debiteuren', 'Accounts receivable'),
    account('16000', 1, 'Crediteuren', 'Accounts payable'),
    account('17000', 1, 'Te betalen netto lonen', 'Net wages payable'),
    account('17100', 1, 'Loonheffingen', 'Payroll taxes'),
    account('17200', 1, 'Te betalen pensioenpremies', 'Pension premiums payable'),
    account('17500', 1, 'Reservering vakantiegeld', 'Holiday pay reserve'),
    account('40000', 2, 'Lonen en salarissen', 'Wages and salaries'),
    account('40100', 2, 'Premies en sociale lasten', 'Social security charges'),
    account('40200', 2, 'Reiskostenvergoeding', 'Travel allowance'),
    account('40300', 2, 'Pensioenlasten', 'Pension costs'),
    account('40950', 2, 'Vakantiegeld', 'Holiday pay'),
    account(
      DISABLED_GL_ACCOUNT,
      2,
      'Overige personeelskosten (vervallen)',
      'Other staff costs (closed)',
      false,
    ),
    account('80000', 2, 'Omzet', 'Revenue'),
  ];
}

/** Fixed keys, so a stored key keeps working across sandbox restarts. The first reaches everything. */
function seedKeys(domains: Domain[], administrations: Administration[]): AccessKey[] {
  const all = [...SERVICES];
  const [bakkerij, vanDerBerg] = domains;
  const holding = administrations.find((a) => a.id === '3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e03');
  if (!bakkerij || !vanDerBerg || !holding)
    throw new Error('demo firm changed: update the Yuki sandbox keys');
  return [
    {
      key: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d01',
      level: 'portal',
      description: 'Portaalsleutel, alle rechten',
      rights: all,
      domainIds: domains.map((d) => d.id),
      administrationIds: [],
    },
    {
      key: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d02',
      level: 'domain',
      description: `Domeinsleutel ${bakkerij.name}, alle rechten`,
      rights: all,
      domainIds: [bakkerij.id],
      administrationIds: [],
    },
    {
      key: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d03',
      level: 'administration',
      description: `Administratiesleutel ${holding.name}, alle rechten`,
      rights: all,
      domainIds: [vanDerBerg.id],
      administrationIds: [holding.id],
    },
    {
      key: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d04',
      level: 'domain',
      description: `Domeinsleutel ${vanDerBerg.name}, alleen Archief`,
      rights: ['Archive'],
      domainIds: [vanDerBerg.id],
      administrationIds: [],
    },
    {
      key: '5e1d0c3b-2a19-4f8e-8d7c-6b5a4f3e2d05',
      level: 'portal',
      description: 'Portaalsleutel, Boekhouding zonder Archief',
      rights: ['Accounting', 'AccountingInfo'],
      domainIds: domains.map((d) => d.id),
      administrationIds: [],
    },
  ];
}

/** A small seeded PRNG (mulberry32), so generated GUIDs and fault draws repeat per seed. */
export function createRandom(seed: string | number): () => number {
  let h = 2166136261;
  for (const ch of String(seed)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SandboxState = ReturnType<typeof createState>;

export function createState(seed: string | number) {
  const random = createRandom(seed);
  const domains: Domain[] = demoFirm.domains.map((d) => ({ id: d.yukiDomainId, name: d.name, url: d.url }));
  const administrations: Administration[] = demoFirm.domains.flatMap((d) =>
    d.administrations.map((a) => ({
      id: a.yukiAdministrationId,
      domainId: d.yukiDomainId,
      name: a.name,
      cocNumber: a.cocNumber,
      vatNumber: `NL${a.cocNumber.padStart(9, '0')}B01`,
      addressLine: '',
      postcode: '',
      city: '',
      startDate: '2020-01-01',
      isStandard: a.isStandard,
      glAccounts: defaultGlScheme(),
    })),
  );
  return {
    random,
    domains,
    administrations,
    keys: seedKeys(domains, administrations),
    sessions: new Map<string, Session>(),
    contacts: [] as Contact[],
    documents: [] as ArchiveDocument[],
    journals: [] as Journal[],
    /** Calls per domain on `day` (Europe/Amsterdam date, as Yuki counts per calendar day). */
    calls: new Map<string, number>(),
    day: amsterdamDate(new Date()),
    guid: () => randomGuid(random),
  };
}

export function amsterdamDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** Yuki's GUIDs need not be RFC 4122 either: version nibble 0 and variant nibble c, so clients may not insist. */
function randomGuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '0';
  hex[16] = 'c';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Administrations a key reaches, optionally within one domain. */
export function reachableAdministrations(
  state: SandboxState,
  key: AccessKey,
  domainId?: string,
): Administration[] {
  return state.administrations.filter(
    (a) =>
      key.domainIds.includes(a.domainId) &&
      (key.administrationIds.length === 0 || key.administrationIds.includes(a.id)) &&
      (domainId === undefined || a.domainId === domainId),
  );
}

export type Credential = {
  key: string;
  level: AccessKey['level'];
  description: string;
  rights: readonly Service[];
  domainIds: readonly string[];
  administrationIds: string[];
};

/** What `GET /_sandbox/credentials` lists: every key with the administrations it reaches. */
export function credentials(state: SandboxState): Credential[] {
  return state.keys.map((k) => ({
    key: k.key,
    level: k.level,
    description: k.description,
    rights: k.rights,
    domainIds: k.domainIds,
    administrationIds: reachableAdministrations(state, k).map((a) => a.id),
  }));
}
