/**
 * @module yuki-schemas
 * zod schemas for Yuki's answers after fast-xml-parser (attributes as `@Name`, every value a string),
 * turned into the types the rest of loket-yuki uses.
 */
import { z } from 'zod';
import { guidSchema } from '../core/guid.ts';
import { parseDecimal } from '../core/money.ts';

/** One element parses as an object, none as '' or absent: always give an array. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : value), z.array(item));

/** An empty element (`<Documents xmlns="" />`) parses as '': read it as an object without items. */
const element = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'object' && value !== null ? value : {}), schema);

const text = z.preprocess((v) => (v === undefined ? '' : v), z.string());
const bool = text.transform((v) => v.trim().toLowerCase() === 'true');
const int = text.pipe(z.string().regex(/^-?\d+$/)).transform(Number);
/** Yuki GUIDs: any hex GUID, kept in the one normalised form (see core/guid). */
const guid = guidSchema;

export const guidResult = guid;

const domain = z
  .object({ '@ID': guid, Name: text, URL: text })
  .transform((d) => ({ id: d['@ID'], name: d.Name, url: d.URL }));
export type YukiDomain = z.output<typeof domain>;

export const domainsResult = z
  .object({ Domains: element(z.object({ Domain: listOf(domain) })) })
  .transform((r) => r.Domains.Domain);

const administration = z
  .object({
    '@ID': guid,
    Name: text,
    CoCNumber: text,
    VATNumber: text,
    StartDate: text,
    DomainID: guid,
    Active: bool,
  })
  .transform((a) => ({
    id: a['@ID'],
    name: a.Name,
    cocNumber: a.CoCNumber,
    vatNumber: a.VATNumber,
    startDate: a.StartDate,
    domainId: a.DomainID,
    active: a.Active,
  }));
export type YukiAdministration = z.output<typeof administration>;

export const administrationsResult = z
  .object({
    Administrations: element(z.object({ Administration: listOf(administration) })),
  })
  .transform((r) => r.Administrations.Administration);

/** A flag Yuki spells `true`/`false`; anything else means the answer was not what we think it is. */
const strictBool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false']))
  .transform((v) => v === 'true');

/** `descripton` is Yuki's own spelling. A code and the enabled flag are what the checks rely on. */
const glAccount = z
  .object({
    code: z.string().trim().min(1),
    type: int,
    subtype: int,
    isEnabled: strictBool,
    descripton: text,
  })
  .transform((g) => ({
    code: g.code,
    type: g.type,
    subtype: g.subtype,
    enabled: g.isEnabled,
    description: g.descripton,
  }));
export type YukiGlAccount = z.output<typeof glAccount>;

/**
 * Every administration has a chart of accounts: an answer without one account, or one we cannot read,
 * is refused here rather than read as an empty scheme (which would refuse every journal).
 */
export const glAccountSchemeResult = z
  .object({ GlAccount: listOf(glAccount).refine((accounts) => accounts.length > 0, 'no GL accounts') })
  .transform((r) => r.GlAccount);

const folder = z
  .object({ '@ID': int, Description: text, ProcessedByYuki: bool })
  .transform((f) => ({ id: f['@ID'], description: f.Description, processedByYuki: f.ProcessedByYuki }));
export type YukiFolderInfo = z.output<typeof folder>;

export const documentFoldersResult = z
  .object({
    DocumentFolders: element(z.object({ DocumentFolder: listOf(folder) })),
  })
  .transform((r) => r.DocumentFolders.DocumentFolder);

const document = z
  .object({
    '@ID': guid,
    Subject: text,
    Amount: text,
    Type: int,
    TypeDescription: text,
    ContactName: text,
    Created: text,
  })
  .transform((d) => ({
    id: d['@ID'],
    subject: d.Subject,
    amount: parseDecimal(d.Amount.trim() === '' ? '0' : d.Amount),
    type: d.Type,
    typeDescription: d.TypeDescription,
    contactName: d.ContactName,
    created: d.Created,
  }));
export type YukiDocument = z.output<typeof document>;

export const documentsResult = z
  .object({
    Documents: element(z.object({ Document: listOf(document) })),
  })
  .transform((r) => r.Documents.Document);

/** Upload.aspx's answer, root spelled as Yuki spells it. */
export const uploadAspxResult = z
  .object({ UploadReponse: z.object({ UploadSuccess: bool, Message: text, DocumentID: text }) })
  .transform((r) => r.UploadReponse);
