/**
 * @module soap
 * SOAP 1.1 the way an ASP.NET ASMX service speaks it: requests parsed with real namespace resolution
 * (a parameter in the wrong namespace or with the wrong casing arrives as missing, as in .NET), answers
 * in `text/xml`, faults as HTTP 500 with `faultcode`/`faultstring`/`detail`.
 */
import { XMLParser } from 'fast-xml-parser';

export const TNS = 'http://www.theyukicompany.com/';
export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A fault the service answers with; `code` is the qualified faultcode. */
export class SoapFault extends Error {
  constructor(
    readonly code: 'soap:Client' | 'soap:Server',
    message: string,
    readonly detail = '',
  ) {
    super(message);
  }
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<name>value</name>` with the value escaped; `<name />` when empty. */
export function el(name: string, value: string | number | boolean | null | undefined, attrs = ''): string {
  const text = value === null || value === undefined ? '' : escapeXml(String(value));
  return text === '' ? `<${name}${attrs} />` : `<${name}${attrs}>${text}</${name}>`;
}

export type SoapRequest = {
  operation: string;
  /** Parameters in the Yuki namespace, by exact (case-sensitive) local name. */
  params: ReadonlyMap<string, string>;
  /** The raw request, for `xmlDoc` whose content is a whole XML document. */
  raw: string;
};

type XmlNode = Record<string, unknown>;
type Scope = Readonly<Record<string, string>>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

function scopeOf(node: unknown, parent: Scope): Scope {
  if (typeof node !== 'object' || node === null) return parent;
  const scope: Record<string, string> = { ...parent };
  for (const [name, value] of Object.entries(node)) {
    if (name === '@_xmlns') scope[''] = String(value);
    else if (name.startsWith('@_xmlns:')) scope[name.slice('@_xmlns:'.length)] = String(value);
  }
  return scope;
}

function splitName(tag: string, scope: Scope): { local: string; ns: string } {
  const colon = tag.indexOf(':');
  const prefix = colon < 0 ? '' : tag.slice(0, colon);
  return { local: colon < 0 ? tag : tag.slice(colon + 1), ns: scope[prefix] ?? '' };
}

function children(node: unknown): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as XmlNode).filter(([name]) => !name.startsWith('@_') && name !== '#text');
}

function textOf(node: unknown): string | null {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null) {
    const text = (node as XmlNode)['#text'];
    if (children(node).length > 0) return null;
    return typeof text === 'string' ? text : '';
  }
  return null;
}

/** Parses a SOAP 1.1 request body; throws a client fault for anything that is not one. */
export function parseSoapRequest(raw: string): SoapRequest {
  let doc: unknown;
  try {
    doc = parser.parse(raw, true);
  } catch (error) {
    throw new SoapFault(
      'soap:Client',
      'Server was unable to read request. ---> There is an error in XML document.',
      String(error),
    );
  }
  const envelopeEntry = children(doc).find(([tag]) => splitName(tag, scopeOf(doc, {})).local === 'Envelope');
  if (!envelopeEntry)
    throw new SoapFault('soap:Client', 'Server was unable to read request. ---> No SOAP envelope.');
  const envScope = scopeOf(envelopeEntry[1], {});
  if (splitName(envelopeEntry[0], envScope).ns !== SOAP_ENV) {
    throw new SoapFault('soap:Client', 'Possible SOAP version mismatch: Envelope namespace was unexpected.');
  }
  const bodyEntry = children(envelopeEntry[1]).find(([tag]) => {
    const name = splitName(tag, envScope);
    return name.local === 'Body' && name.ns === SOAP_ENV;
  });
  const bodyScope = scopeOf(bodyEntry?.[1], envScope);
  const [operationEntry] = children(bodyEntry?.[1]);
  if (!operationEntry)
    throw new SoapFault('soap:Client', 'Server was unable to read request. ---> Empty SOAP body.');
  const [operationTag, operationNode] = operationEntry;
  const opScope = scopeOf(operationNode, bodyScope);
  const operation = splitName(operationTag, opScope);
  if (operation.ns !== TNS) {
    throw new SoapFault(
      'soap:Client',
      `Server did not recognize the value of HTTP Header SOAPAction: ${operation.local}.`,
    );
  }
  const params = new Map<string, string>();
  for (const [tag, node] of children(operationNode)) {
    const name = splitName(tag, scopeOf(node, opScope));
    const text = textOf(node);
    if (name.ns === TNS && text !== null) params.set(name.local, text);
  }
  return { operation: operation.local, params, raw };
}

/** The raw children of `<xmlDoc>`, which carries an XML document rather than text. */
export function rawXmlDoc(raw: string): string | null {
  const match = /<(?:[\w.-]+:)?xmlDoc(?:\s[^>]*)?>([\s\S]*)<\/(?:[\w.-]+:)?xmlDoc\s*>/.exec(raw);
  return match?.[1]?.trim() ?? null;
}

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** `<OpResponse><OpResult>…</OpResult></OpResponse>`; `result` is already XML. Null = no result element. */
export function soapResponse(operation: string, result: string | null): string {
  const inner = result === null ? '' : `<${operation}Result>${result}</${operation}Result>`;
  return envelope(`<${operation}Response xmlns="${TNS}">${inner}</${operation}Response>`);
}

export function soapFault(fault: SoapFault): string {
  const detail = fault.detail === '' ? '<detail />' : `<detail>${escapeXml(fault.detail)}</detail>`;
  return envelope(
    `<soap:Fault><faultcode>${fault.code}</faultcode><faultstring>${escapeXml(fault.message)}</faultstring>${detail}</soap:Fault>`,
  );
}
