/**
 * @module yuki-contract
 * Validates Yuki SOAP bodies against the XSD inside Yuki's Archive.asmx WSDL (a copy of
 * `../shared/reference/yuki-Archive.asmx.wsdl` in sandbox/yuki/spec/)
 * (`<wsdl:types>`, namespace http://www.theyukicompany.com/) and journal documents against
 * `sandbox/yuki/Journal.xsd` (ours: Yuki does not publish its Journal.xsd, see yuki-api.md §3.2).
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/** A verbatim copy of ../shared/reference/yuki-Archive.asmx.wsdl, so the tests run from a fresh clone. */
const WSDL_PATH = new URL('../../sandbox/yuki/spec/yuki-Archive.asmx.wsdl', import.meta.url);
const JOURNAL_XSD = readFileSync(new URL('../../sandbox/yuki/Journal.xsd', import.meta.url), 'utf8');

/** The WSDL's first schema as a standalone XSD: the prefixes it uses were declared on <wsdl:definitions>. */
export function archiveXsd(wsdl = readFileSync(WSDL_PATH, 'utf8')): string {
  const start = wsdl.indexOf('<s:schema');
  const end = wsdl.indexOf('</s:schema>', start) + '</s:schema>'.length;
  if (start < 0 || end < start) throw new Error('no <s:schema> in the WSDL');
  return (
    wsdl
      .slice(start, end)
      // .NET writes <s:any/> for results typed XmlNode (Domains, Documents…), whose content no schema
      // declares: lax checks what is declared and lets that content through instead of failing on it.
      .replaceAll('<s:any/>', '<s:any processContents="lax"/>')
      .replace(
        '<s:schema',
        '<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://www.theyukicompany.com/"',
      )
  );
}

/** The top-level elements the Archive XSD declares: the operations and their responses. */
export function declaredElements(xsd: string): Set<string> {
  return new Set([...xsd.matchAll(/^ {6}<s:element name="(\w+)"/gm)].map((match) => match[1] ?? ''));
}

/** The content of `<soap:Body>` (any prefix), or null when the text is no SOAP envelope. */
export function soapBody(envelope: string): string | null {
  const match = /<(\w+):Body>([\s\S]*)<\/\1:Body>/.exec(envelope);
  return match?.[2]?.trim() ?? null;
}

/** The local name of the body's first element: the operation, `…Response`, or `Fault`. */
export function bodyElement(body: string): string {
  return /^<(?:\w+:)?(\w+)/.exec(body)?.[1] ?? '';
}

async function errorsOf(
  xml: string,
  fileName: string,
  schema: string,
  schemaName: string,
): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: { fileName: schemaName, contents: schema },
  });
  return result.errors.map((error) => error.message.trim());
}

/** Schema errors of one SOAP body element against the Archive XSD (empty when valid). */
export function archiveErrors(body: string, xsd = archiveXsd()): Promise<string[]> {
  return errorsOf(body, `${bodyElement(body)}.xml`, xsd, 'Archive.xsd');
}

/** Schema errors of a `<Journal>` document against Journal.xsd (empty when valid). */
export function journalErrors(journalXml: string): Promise<string[]> {
  return errorsOf(journalXml, 'journal.xml', JOURNAL_XSD, 'Journal.xsd');
}
