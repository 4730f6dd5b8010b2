/**
 * @module archive
 * Archive.asmx: uploads (base64 in the envelope), folders, listing and search. Documents are visible in
 * the session's current domain and only in administrations the key reaches, as [rvben] reports that
 * searches follow SetCurrentDomain.
 */
import { amountToCents, centsToDecimal } from './journal.ts';
import type { CallContext, Operation } from './operation.ts';
import { administrationParam, param } from './operation.ts';
import { el, SoapFault } from './soap.ts';
import type { Administration, ArchiveDocument, SandboxState } from './state.ts';
import { FOLDERS, reachableAdministrations } from './state.ts';

const SEARCH_OPTIONS = ['All', 'Creator', 'Contact', 'Subject', 'Tag', 'Type'] as const;
const SORT_ORDERS = [
  'CreatedDesc',
  'CreatedAsc',
  'ModifiedDesc',
  'ModifiedAsc',
  'DocumentDateDesc',
  'DocumentDateAsc',
  'ContactNameAsc',
  'ContactNameDesc',
] as const;
const OPEN_DATE = '0001-01-01';

function readError(detail: string): SoapFault {
  return new SoapFault(
    'soap:Client',
    'Server was unable to read request. ---> There is an error in XML document.',
    detail,
  );
}

/** .NET's XmlSerializer: a missing value-type parameter is its default, a malformed one fails the request. */
function intParam(ctx: CallContext, name: string): number {
  const text = param(ctx, name).trim();
  if (text === '') return 0;
  if (!/^-?\d+$/.test(text))
    throw readError(`Input string '${text}' for ${name} was not in a correct format.`);
  return Number(text);
}

function enumParam<T extends string>(ctx: CallContext, name: string, values: readonly T[]): T {
  const text = param(ctx, name).trim();
  const [first] = values;
  if (text === '' && first) return first;
  const found = values.find((v) => v === text);
  if (!found) throw readError(`Instance validation error: '${text}' is not a valid value for ${name}.`);
  return found;
}

/** A date bound (date or dateTime); `0001-01-01` means open. */
function dateParam(ctx: CallContext, name: string): string | null {
  const text = param(ctx, name).trim();
  if (text === '' || text.startsWith(OPEN_DATE)) return null;
  if (Number.isNaN(Date.parse(text))) throw readError(`The string '${text}' is not a valid AllXsd value.`);
  return text.slice(0, 10);
}

function checkFolder(folder: number): void {
  if (!FOLDERS.some((f) => f.id === folder)) throw new SoapFault('soap:Client', `Invalid folder ${folder}.`);
}

export type Upload = {
  administration: Administration;
  fileName: string;
  bytes: Uint8Array;
  folder: number;
  tab: number | null;
  amountCents: number | null;
  currency: string;
  costCategory: string;
  paymentMethod: number | null;
  project: string;
  remarks: string;
};

/** Files an upload; its subject is the file name without extension until the backoffice changes it (I). */
export function storeUpload(state: SandboxState, upload: Upload): ArchiveDocument {
  if (upload.fileName.trim() === '') throw new SoapFault('soap:Client', 'No file name given.');
  if (upload.bytes.length === 0) throw new SoapFault('soap:Client', 'No file data given.');
  checkFolder(upload.folder);
  const folder = FOLDERS.find((f) => f.id === upload.folder);
  const document: ArchiveDocument = {
    id: state.guid(),
    domainId: upload.administration.domainId,
    administrationId: upload.administration.id,
    folder: upload.folder,
    tab: upload.tab,
    type: folder?.type ?? 0,
    typeDescription: folder?.typeDescription ?? '',
    subject: upload.fileName.replace(/\.[^.]+$/, ''),
    fileName: upload.fileName,
    amountCents: upload.amountCents,
    currency: upload.currency,
    costCategory: upload.costCategory,
    paymentMethod: upload.paymentMethod,
    project: upload.project,
    remarks: upload.remarks,
    contactName: '',
    creator: 'Webservice',
    bytes: upload.bytes,
    created: new Date(),
  };
  state.documents.push(document);
  return document;
}

function base64Param(ctx: CallContext, name: string): Uint8Array {
  const text = param(ctx, name).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw readError(`Invalid character in a Base-64 string (${name}).`);
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function decimalParam(ctx: CallContext, name: string): number {
  const text = param(ctx, name).trim();
  if (text === '') return 0;
  try {
    return amountToCents(text);
  } catch {
    throw readError(`Input string '${text}' for ${name} was not in a correct format.`);
  }
}

function documentXml(d: ArchiveDocument): string {
  const created = d.created.toISOString();
  return (
    `<Document ID="${d.id}">${el('Subject', d.subject)}${el('Amount', centsToDecimal(d.amountCents ?? 0))}` +
    `${el('Type', d.type)}${el('TypeDescription', d.typeDescription)}${el('ContactName', d.contactName)}` +
    `${el('Created', created)}${el('Creator', d.creator)}${el('Modified', created)}${el('Modifier', d.creator)}</Document>`
  );
}

/** Documents of the current domain in administrations the key reaches, newest first. */
function visibleDocuments(ctx: CallContext): ArchiveDocument[] {
  const administrations = new Set(
    reachableAdministrations(ctx.state, ctx.session.key, ctx.session.currentDomainId).map((a) => a.id),
  );
  return ctx.state.documents.filter((d) => administrations.has(d.administrationId));
}

/** Date filter, sort order and paging shared by the listing operations (startRecord is 1-based, I). */
function page(ctx: CallContext, documents: ArchiveDocument[]): string {
  const start = dateParam(ctx, 'startDate');
  const end = dateParam(ctx, 'endDate');
  const order = enumParam(ctx, 'sortOrder', SORT_ORDERS);
  const inRange = documents.filter((d) => {
    const day = d.created.toISOString().slice(0, 10);
    return (start === null || day >= start) && (end === null || day <= end);
  });
  const byContact = order.startsWith('ContactName');
  const ascending = order.endsWith('Asc');
  inRange.sort((a, b) => {
    const diff = byContact
      ? a.contactName.localeCompare(b.contactName)
      : a.created.getTime() - b.created.getTime();
    return ascending ? diff : -diff;
  });
  const count = intParam(ctx, 'numberOfRecords');
  const first = Math.max(intParam(ctx, 'startRecord'), 1) - 1;
  const selected = inRange.slice(first, count > 0 ? first + count : undefined);
  return `<Documents xmlns="">${selected.map(documentXml).join('')}</Documents>`;
}

function matches(d: ArchiveDocument, option: (typeof SEARCH_OPTIONS)[number], text: string): boolean {
  const has = (value: string) => value.toLowerCase().includes(text);
  if (text === '') return true;
  switch (option) {
    case 'All':
      return has(d.subject) || has(d.fileName) || has(d.remarks) || has(d.contactName);
    case 'Subject':
      return has(d.subject);
    case 'Contact':
      return has(d.contactName);
    case 'Creator':
      return has(d.creator);
    case 'Type':
      return has(d.typeDescription);
    case 'Tag':
      return false;
  }
}

export const archiveOperations: Record<string, Operation> = {
  UploadDocument: {
    scope: 'administration',
    right: 'Archive',
    run: (ctx) =>
      storeUpload(ctx.state, {
        administration: administrationParam(ctx),
        fileName: param(ctx, 'fileName'),
        bytes: base64Param(ctx, 'data'),
        folder: intParam(ctx, 'folder'),
        tab: null,
        amountCents: null,
        currency: 'EUR',
        costCategory: '',
        paymentMethod: null,
        project: '',
        remarks: '',
      }).id,
  },
  UploadDocumentWithData: {
    scope: 'administration',
    right: 'Archive',
    run: (ctx) =>
      storeUpload(ctx.state, {
        administration: administrationParam(ctx),
        fileName: param(ctx, 'fileName'),
        bytes: base64Param(ctx, 'data'),
        folder: intParam(ctx, 'folder'),
        tab: null,
        amountCents: decimalParam(ctx, 'amount'),
        currency: param(ctx, 'currency').trim() || 'EUR',
        costCategory: param(ctx, 'costCategory'),
        paymentMethod: intParam(ctx, 'paymentMethod'),
        project: param(ctx, 'project'),
        remarks: param(ctx, 'remarks'),
      }).id,
  },
  DocumentFolders: {
    scope: 'current-domain',
    right: 'Archive',
    run: () =>
      `<DocumentFolders xmlns="">${FOLDERS.map(
        (f) =>
          `<DocumentFolder ID="${f.id}">${el('Description', f.description)}${el('ProcessedByYuki', f.id < 100 ? 'True' : 'False')}</DocumentFolder>`,
      ).join('')}</DocumentFolders>`,
  },
  DocumentsInFolder: {
    scope: 'current-domain',
    right: 'Archive',
    run: (ctx) => {
      const folder = intParam(ctx, 'folderID');
      return page(
        ctx,
        visibleDocuments(ctx).filter((d) => d.folder === folder),
      );
    },
  },
  SearchDocuments: {
    scope: 'current-domain',
    right: 'Archive',
    run: (ctx) => {
      const option = enumParam(ctx, 'searchOption', SEARCH_OPTIONS);
      const text = param(ctx, 'searchText').trim().toLowerCase();
      const folder = intParam(ctx, 'folderID');
      const tab = intParam(ctx, 'tabID');
      if (ctx.config.faults.searchFindsNothing) return page(ctx, []);
      return page(
        ctx,
        visibleDocuments(ctx).filter(
          (d) =>
            (folder === -1 || d.folder === folder) &&
            (tab === -1 || d.tab === tab) &&
            matches(d, option, text),
        ),
      );
    },
  },
};
