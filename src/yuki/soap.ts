/**
 * @module yuki-soap
 * Hand-built SOAP 1.1 envelopes for Yuki's ASMX services and the parsing of their answers. Every value
 * is XML-escaped here; parsing keeps every value a string (`parseTagValue:false`) so "0400" and
 * "1234.50" survive, and zod at the call site gives them types.
 */
import { XMLParser } from 'fast-xml-parser';
import type { SoapFaultInfo } from './errors.ts';

export const YUKI_NS = 'http://www.theyukicompany.com/';
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

export type YukiService = 'Accounting' | 'AccountingInfo' | 'Archive';

/** Escapes text for element content and attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A parameter element: its name is ours (a constant), its value always escaped. */
export type SoapParam = readonly [name: string, value: string | number | { xml: string }];

function paramXml([name, value]: SoapParam): string {
  const content = typeof value === 'object' ? value.xml : escapeXml(String(value));
  return `<${name}>${content}</${name}>`;
}

/** The request body for `operation`; `{ xml }` values are trusted XML (only the journal builder's output). */
export function buildEnvelope(operation: string, params: readonly SoapParam[]): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body><${operation} xmlns="${YUKI_NS}">${params.map(paramXml).join('')}</${operation}></soap:Body></soap:Envelope>`
  );
}

/** Elements that are lists in Yuki's answers, so one item still parses as an array. */
const LIST_ELEMENTS = new Set(['Domain', 'Administration', 'GlAccount', 'Document', 'DocumentFolder']);

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => LIST_ELEMENTS.has(name),
});

export type SoapAnswer = { kind: 'result'; value: unknown } | { kind: 'fault'; fault: SoapFaultInfo };

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && '#text' in value) return String((value as { '#text': unknown })['#text']);
  return JSON.stringify(value);
}

/** Reads an answer: the content of `<OpResult>` (undefined when absent), or the fault. Throws on non-SOAP text. */
export function parseSoapAnswer(xml: string, operation: string): SoapAnswer {
  const doc = parser.parse(xml) as { Envelope?: { Body?: Record<string, unknown> } };
  const body = doc.Envelope?.Body;
  if (!body || typeof body !== 'object') throw new Error('not a SOAP envelope');
  const fault = body.Fault as Record<string, unknown> | undefined;
  if (fault) {
    return {
      kind: 'fault',
      fault: { code: text(fault.faultcode), message: text(fault.faultstring), detail: text(fault.detail) },
    };
  }
  const response = body[`${operation}Response`];
  if (response === undefined) throw new Error(`no ${operation}Response in the SOAP body`);
  const value =
    typeof response === 'object' && response !== null
      ? (response as Record<string, unknown>)[`${operation}Result`]
      : undefined;
  return { kind: 'result', value };
}
