/**
 * @module yuki-client
 * The Yuki web-services client: one cached session per access key (renewed before 24 h and once on an
 * invalid-session fault), every counted call reserved against its domain's daily budget before it is
 * made, faults turned into typed errors. A portal key reaches several domains, so domain-scoped calls go
 * through `forDomain(key, domainId)`, which sets the session's current domain first. A caller with a
 * deadline passes its signal there: once it aborts, no call of that client is sent or waited for.
 */
import { deadlineIn } from '../platform/timeout.ts';
import { countCallError, timedCall } from '../platform/metrics.ts';
import type { z } from 'zod';
import type { Cents } from '../core/money.ts';
import { formatDecimal } from '../core/money.ts';
import type { YukiCallBudget } from './budget.ts';
import {
  errorFromFault,
  YukiDailyLimitError,
  YukiDocumentTooLargeError,
  YukiFaultError,
  YukiGlSchemeUnreadableError,
  YukiSessionError,
  YukiUnavailableError,
} from './errors.ts';
import type { YukiJournal } from './journal.ts';
import { buildJournalXml } from './journal.ts';
import type {
  YukiAdministration,
  YukiDocument,
  YukiDomain,
  YukiFolderInfo,
  YukiGlAccount,
} from './schemas.ts';
import {
  administrationsResult,
  documentFoldersResult,
  documentsResult,
  domainsResult,
  glAccountSchemeResult,
  guidResult,
  uploadAspxResult,
} from './schemas.ts';
import type { SoapParam, YukiService } from './soap.ts';
import { buildEnvelope, parseSoapAnswer, YUKI_NS } from './soap.ts';
import { XMLParser } from 'fast-xml-parser';

export type {
  YukiAdministration,
  YukiDocument,
  YukiDomain,
  YukiFolderInfo,
  YukiGlAccount,
} from './schemas.ts';

/** Yuki's request size limit (R: ~3 MB per request including base64); checked before sending. */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;
/** Room the envelope and the other parameters take next to the base64 file. */
const ENVELOPE_ALLOWANCE = 4 * 1024;

/** Archive folders the import uses (R: IDs agreed by public clients). */
export const YukiFolder = { personnel: 4, tax: 5, toBeSorted: 7, otherFinancial: 8 } as const;

export type SearchOption = 'All' | 'Creator' | 'Contact' | 'Subject' | 'Tag' | 'Type';
export type DocumentSortOrder =
  | 'CreatedDesc'
  | 'CreatedAsc'
  | 'ModifiedDesc'
  | 'ModifiedAsc'
  | 'DocumentDateDesc'
  | 'DocumentDateAsc'
  | 'ContactNameAsc'
  | 'ContactNameDesc';

export type DocumentListQuery = {
  sortOrder?: DocumentSortOrder;
  /** yyyy-mm-dd; open when absent. */
  startDate?: string;
  endDate?: string;
  numberOfRecords?: number;
  /** 1-based. */
  startRecord?: number;
};

export type DocumentSearch = DocumentListQuery & {
  option: SearchOption;
  text: string;
  /** Absent = every folder / tab. */
  folderId?: number;
  tabId?: number;
};

export type DocumentUpload = {
  administrationId: string;
  fileName: string;
  data: Uint8Array;
  folder: number;
};

export type DocumentUploadWithData = DocumentUpload & {
  amount: Cents;
  currency?: string;
  costCategory?: string;
  /** Yuki's payment method ID; 0 when not applicable. */
  paymentMethod?: number;
  project?: string;
  /** Free text kept on the document; the import puts its key here for reconciliation. */
  remarks?: string;
};

export type UploadAspxInput = {
  /** Upload.aspx names the domain by name, not ID. */
  domainName: string;
  administrationId: string;
  folder: number;
  tab?: number;
  fileName: string;
  data: Uint8Array;
};

export type YukiClientOptions = {
  /** e.g. `https://api.yukiworks.nl`, or a sandbox's `url`. */
  baseUrl: string;
  budget: YukiCallBudget;
  fetch?: typeof fetch;
  /** Per HTTP request; default 60 s. */
  timeoutMs?: number;
  /** Renew a session after this long; default 23 h, below Yuki's 24 h. */
  sessionTtlMs?: number;
};

/** Calls in one domain, counted against that domain's daily budget. */
export type YukiDomainClient = {
  currentDomain(): Promise<YukiDomain>;
  administrations(): Promise<YukiAdministration[]>;
  /** The GUID of the administration with exactly this name. */
  administrationId(name: string): Promise<string>;
  glAccountScheme(administrationId: string): Promise<YukiGlAccount[]>;
  /** Builds, checks and posts a journal; returns the GUID of the memoriaal document Yuki created. */
  processJournal(journal: YukiJournal): Promise<string>;
  /** Posts an already built `<Journal>` document as is (no balance check here; Yuki checks). */
  processJournalXml(administrationId: string, journalXml: string): Promise<string>;
  uploadDocument(upload: DocumentUpload): Promise<string>;
  uploadDocumentWithData(upload: DocumentUploadWithData): Promise<string>;
  /** The same upload through `/docs/Upload.aspx` (plain HTTP, access key instead of a session). */
  uploadViaUploadAspx(upload: UploadAspxInput): Promise<string>;
  documentFolders(): Promise<YukiFolderInfo[]>;
  documentsInFolder(folderId: number, query?: DocumentListQuery): Promise<YukiDocument[]>;
  searchDocuments(search: DocumentSearch): Promise<YukiDocument[]>;
  /** Documents whose subject is exactly `subject` (Yuki's search matches parts; we keep exact hits). */
  findDocumentsBySubject(subject: string): Promise<YukiDocument[]>;
  /** Documents whose subject, file name, remarks or contact contain `text` (searchOption All). */
  findDocumentsByText(text: string): Promise<YukiDocument[]>;
};

export type ForDomainOptions = {
  /** Aborts this client's calls (an import attempt's deadline); the shared session is not affected. */
  signal?: AbortSignal;
  /** This client's calls leave the budget's reserve alone (see `YukiCallBudget.reserve`). */
  keepReserve?: boolean;
};

export type YukiClient = {
  /** The domains a key reaches (Authenticate and Domains are not counted, so this costs no budget). */
  domains(accessKey: string): Promise<YukiDomain[]>;
  forDomain(accessKey: string, domainId: string, options?: ForDomainOptions): YukiDomainClient;
};

type Session = {
  id: Promise<string>;
  createdAt: number;
  currentDomainId: string | null;
  queue: Promise<unknown>;
};

/**
 * How a call is counted: `free` not at all; `administration` names its administration so it needs no
 * current domain; `domain` runs in the session's current domain, which is set first if needed.
 */
type Call = {
  accessKey: string;
  service: YukiService;
  operation: string;
  params: (sessionId: string) => SoapParam[];
  count: { kind: 'free' } | { kind: 'administration' | 'domain'; domainId: string };
  /** The `forDomain` caller's signal and reserve; none for the free calls. */
  caller?: ForDomainOptions;
};

/** The WSDL types startDate/endDate as xs:dateTime; DateTime.MinValue means no bound. */
const OPEN_DATE = '0001-01-01T00:00:00';

/** A yyyy-mm-dd bound as the xs:dateTime the WSDL asks for (midnight); a dateTime stays as it is. */
const xsdDateTime = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00` : date);
const SEARCH_PAGE = 100;
const uploadParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true });

function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

function checkUploadSize(data: Uint8Array): void {
  const size = base64Length(data.length) + ENVELOPE_ALLOWANCE;
  if (size > MAX_REQUEST_BYTES) throw new YukiDocumentTooLargeError(size, MAX_REQUEST_BYTES);
}

function unexpected(operation: string, detail: string): YukiFaultError {
  return new YukiFaultError({ code: 'client', message: `Unexpected answer to ${operation}`, detail });
}

export function createYukiClient(options: YukiClientOptions): YukiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sessionTtlMs = options.sessionTtlMs ?? 23 * 60 * 60 * 1000;
  const sessions = new Map<string, Session>();

  /** Counts a call against its domain, if any; a caller that gave up is stopped first and spends nothing. */
  async function reserve(domainId: string | null, operation: string, caller: ForDomainOptions = {}) {
    if (caller.signal?.aborted)
      throw new YukiUnavailableError({
        cause: caller.signal.reason,
        detail: `${operation}: not sent, the caller gave up`,
      });
    if (domainId !== null)
      await options.budget.reserve(domainId, { keepReserve: caller.keepReserve ?? false });
  }

  async function httpPost(
    url: string,
    init: RequestInit,
    operation: string,
    signal?: AbortSignal,
  ): Promise<{ status: number; text: string }> {
    const timeout = deadlineIn(timeoutMs, operation);
    try {
      const response = await fetchImpl(url, {
        ...init,
        method: 'POST',
        signal: signal ? AbortSignal.any([timeout.signal, signal]) : timeout.signal,
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      throw new YukiUnavailableError({ cause: error, detail: `${operation}: ${String(error)}` });
    } finally {
      timeout.clear();
    }
  }

  /** One SOAP request; returns the content of `<OpResult>` or throws a typed error. */
  async function post(
    service: YukiService,
    operation: string,
    params: SoapParam[],
    domainId: string | null,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const body = buildEnvelope(operation, params);
    const size = Buffer.byteLength(body);
    if (size > MAX_REQUEST_BYTES) throw new YukiDocumentTooLargeError(size, MAX_REQUEST_BYTES);
    const { status, text } = await timedCall(
      'yuki',
      operation,
      () =>
        httpPost(
          `${baseUrl}/ws/${service}.asmx`,
          {
            headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: `"${YUKI_NS}${operation}"` },
            body,
          },
          operation,
          signal,
        ),
      // A SOAP fault comes as HTTP 500; its code is counted where it is read, below.
      (answer) => (answer.status === 200 || answer.status === 500 ? undefined : String(answer.status)),
    );
    let answer;
    try {
      answer = parseSoapAnswer(text, operation);
    } catch {
      if (status >= 500 || status === 429) {
        throw new YukiUnavailableError({ detail: `${operation}: HTTP ${status}` });
      }
      throw unexpected(operation, `HTTP ${status}: ${text.slice(0, 200)}`);
    }
    if (answer.kind === 'fault') {
      const error = errorFromFault(answer.fault, operation, domainId);
      countCallError('yuki', error.code);
      if (error instanceof YukiDailyLimitError && domainId !== null) await options.budget.exhausted(domainId);
      throw error;
    }
    if (status !== 200) throw new YukiUnavailableError({ detail: `${operation}: HTTP ${status}` });
    return answer.value;
  }

  function session(accessKey: string): Session {
    const cached = sessions.get(accessKey);
    if (cached && Date.now() - cached.createdAt < sessionTtlMs) return cached;
    const fresh: Session = {
      id: post('Accounting', 'Authenticate', [['accessKey', accessKey]], null).then((value) =>
        parse(guidResult, value, 'Authenticate'),
      ),
      createdAt: Date.now(),
      currentDomainId: null,
      queue: Promise.resolve(),
    };
    fresh.id.catch(() => drop(accessKey, fresh));
    sessions.set(accessKey, fresh);
    return fresh;
  }

  function drop(accessKey: string, stale: Session): void {
    if (sessions.get(accessKey) === stale) sessions.delete(accessKey);
  }

  async function counted(call: Call, sessionId: string): Promise<unknown> {
    const domainId = call.count.kind === 'free' ? null : call.count.domainId;
    await reserve(domainId, call.operation, call.caller);
    return post(call.service, call.operation, call.params(sessionId), domainId, call.caller?.signal);
  }

  /** Domain-scoped calls on one session run one at a time, so another domain cannot be set in between. */
  function inDomain(s: Session, sessionId: string, call: Call, domainId: string): Promise<unknown> {
    const run = async () => {
      if (s.currentDomainId !== domainId) {
        await reserve(domainId, 'SetCurrentDomain', call.caller);
        // Unknown until Yuki answers: a call cut off in flight may have switched the domain or not, and a
        // search in the wrong domain finds nothing (then an item could be posted twice).
        s.currentDomainId = null;
        await post(
          call.service,
          'SetCurrentDomain',
          [
            ['sessionID', sessionId],
            ['domainID', domainId],
          ],
          domainId,
          call.caller?.signal,
        );
        s.currentDomainId = domainId;
      }
      return counted(call, sessionId);
    };
    const result = s.queue.then(run, run);
    s.queue = result.catch(() => undefined);
    return result;
  }

  async function invoke(call: Call): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const s = session(call.accessKey);
      try {
        const sessionId = await s.id;
        return call.count.kind === 'domain'
          ? await inDomain(s, sessionId, call, call.count.domainId)
          : await counted(call, sessionId);
      } catch (error) {
        if (error instanceof YukiSessionError && attempt === 1) {
          drop(call.accessKey, s);
          continue;
        }
        throw error;
      }
    }
  }

  function parse<T extends z.ZodType>(schema: T, value: unknown, operation: string): z.output<T> {
    const result = schema.safeParse(value ?? {});
    if (!result.success) throw unexpected(operation, result.error.message);
    return result.data;
  }

  function forDomain(accessKey: string, domainId: string, caller: ForDomainOptions = {}): YukiDomainClient {
    const domainCall = async <T extends z.ZodType>(
      service: YukiService,
      operation: string,
      schema: T,
      params: SoapParam[] = [],
    ) =>
      parse(
        schema,
        await invoke({
          accessKey,
          service,
          operation,
          params: (sessionId) => [['sessionID', sessionId], ...params],
          count: { kind: 'domain', domainId },
          caller,
        }),
        operation,
      );
    /** Parameters in WSDL order, `administrationID` among them; the call counts against this domain. */
    const administrationCall = (service: YukiService, operation: string, params: SoapParam[]) =>
      invoke({
        accessKey,
        service,
        operation,
        params: (sessionId) => [['sessionID', sessionId], ...params],
        count: { kind: 'administration', domainId },
        caller,
      });

    const listParams = (query: DocumentListQuery): SoapParam[] => [
      ['sortOrder', query.sortOrder ?? 'CreatedDesc'],
      ['startDate', query.startDate === undefined ? OPEN_DATE : xsdDateTime(query.startDate)],
      ['endDate', query.endDate === undefined ? OPEN_DATE : xsdDateTime(query.endDate)],
      ['numberOfRecords', query.numberOfRecords ?? SEARCH_PAGE],
      ['startRecord', query.startRecord ?? 1],
    ];

    const client: YukiDomainClient = {
      currentDomain: async () => {
        const [domain] = await domainCall('Accounting', 'GetCurrentDomain', domainsResult);
        if (!domain) throw unexpected('GetCurrentDomain', 'no domain in the answer');
        return domain;
      },
      administrations: () => domainCall('Accounting', 'Administrations', administrationsResult),
      administrationId: (name) =>
        domainCall('Accounting', 'AdministrationID', guidResult, [['administrationName', name]]),
      glAccountScheme: async (administrationId) => {
        const answer = await administrationCall('AccountingInfo', 'GetGLAccountScheme', [
          ['administrationID', administrationId],
        ]);
        const scheme = glAccountSchemeResult.safeParse(answer);
        if (!scheme.success)
          throw new YukiGlSchemeUnreadableError({ detail: scheme.error.message.slice(0, 500) });
        return scheme.data;
      },
      processJournal: async (journal) =>
        client.processJournalXml(journal.administrationId, buildJournalXml(journal)),
      processJournalXml: async (administrationId, journalXml) =>
        parse(
          guidResult,
          await administrationCall('Accounting', 'ProcessJournal', [
            ['administrationID', administrationId],
            ['xmlDoc', { xml: journalXml }],
          ]),
          'ProcessJournal',
        ),
      uploadDocument: async (upload) => {
        checkUploadSize(upload.data);
        const value = await administrationCall('Archive', 'UploadDocument', [
          ['fileName', upload.fileName],
          ['data', Buffer.from(upload.data).toString('base64')],
          ['folder', upload.folder],
          ['administrationID', upload.administrationId],
        ]);
        return parse(guidResult, value, 'UploadDocument');
      },
      uploadDocumentWithData: async (upload) => {
        checkUploadSize(upload.data);
        const value = await administrationCall('Archive', 'UploadDocumentWithData', [
          ['fileName', upload.fileName],
          ['data', Buffer.from(upload.data).toString('base64')],
          ['folder', upload.folder],
          ['administrationID', upload.administrationId],
          ['currency', upload.currency ?? 'EUR'],
          ['amount', formatDecimal(upload.amount)],
          ['costCategory', upload.costCategory ?? ''],
          ['paymentMethod', upload.paymentMethod ?? 0],
          ['project', upload.project ?? ''],
          ['remarks', upload.remarks ?? ''],
        ]);
        return parse(guidResult, value, 'UploadDocumentWithData');
      },
      uploadViaUploadAspx: async (upload) => {
        checkUploadSize(upload.data);
        await reserve(domainId, 'Upload.aspx', caller);
        const form = new FormData();
        form.set('WebServiceAccessKey', accessKey);
        form.set('Domain', upload.domainName);
        form.set('Administration', upload.administrationId);
        form.set('Folder', String(upload.folder));
        if (upload.tab !== undefined) form.set('FolderTab', String(upload.tab));
        form.set('ResponseType', 'XML');
        form.set('File', new Blob([new Uint8Array(upload.data)]), upload.fileName);
        const { status, text } = await httpPost(
          `${baseUrl}/docs/Upload.aspx`,
          { body: form },
          'Upload.aspx',
          caller.signal,
        );
        if (status !== 200) throw new YukiUnavailableError({ detail: `Upload.aspx: HTTP ${status}` });
        const answer = parse(uploadAspxResult, uploadParser.parse(text), 'Upload.aspx');
        if (!answer.UploadSuccess) {
          const error = errorFromFault(
            { code: 'soap:Client', message: answer.Message, detail: '' },
            'Upload.aspx',
            domainId,
          );
          if (error instanceof YukiDailyLimitError) await options.budget.exhausted(domainId);
          throw error;
        }
        return parse(guidResult, answer.DocumentID, 'Upload.aspx');
      },
      documentFolders: () => domainCall('Archive', 'DocumentFolders', documentFoldersResult),
      documentsInFolder: (folderId, query = {}) =>
        domainCall('Archive', 'DocumentsInFolder', documentsResult, [
          ['folderID', folderId],
          ...listParams(query),
        ]),
      searchDocuments: (search) =>
        domainCall('Archive', 'SearchDocuments', documentsResult, [
          ['searchOption', search.option],
          ['searchText', search.text],
          ['folderID', search.folderId ?? -1],
          ['tabID', search.tabId ?? -1],
          ...listParams(search),
        ]),
      findDocumentsBySubject: async (subject) =>
        (await client.searchDocuments({ option: 'Subject', text: subject })).filter(
          (d) => d.subject === subject,
        ),
      findDocumentsByText: (text) => client.searchDocuments({ option: 'All', text }),
    };
    return client;
  }

  return {
    domains: async (accessKey) =>
      parse(
        domainsResult,
        await invoke({
          accessKey,
          service: 'Accounting',
          operation: 'Domains',
          params: (sessionId) => [['sessionID', sessionId]],
          count: { kind: 'free' },
        }),
        'Domains',
      ),
    forDomain,
  };
}
