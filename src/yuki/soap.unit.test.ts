import { describe, expect, it } from 'vitest';
import { buildEnvelope, escapeXml, parseSoapAnswer } from './soap.ts';

const wrap = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;

describe('buildEnvelope', () => {
  it('escapes every value', () => {
    const xml = buildEnvelope('SearchDocuments', [
      ['sessionID', 'abc'],
      ['searchText', `</searchText><evil attr="x">&'`],
      ['folderID', -1],
    ]);
    expect(xml).toContain('<SearchDocuments xmlns="http://www.theyukicompany.com/">');
    expect(xml).toContain(
      '<searchText>&lt;/searchText&gt;&lt;evil attr=&quot;x&quot;&gt;&amp;&apos;</searchText>',
    );
    expect(xml).toContain('<folderID>-1</folderID>');
    expect(xml).not.toContain('<evil');
  });

  it('embeds trusted XML (the journal) raw, not as text', () => {
    const xml = buildEnvelope('ProcessJournal', [['xmlDoc', { xml: '<Journal xmlns="urn:x"/>' }]]);
    expect(xml).toContain('<xmlDoc><Journal xmlns="urn:x"/></xmlDoc>');
  });

  it('escapeXml leaves ordinary text alone', () => {
    expect(escapeXml('Bakkerij De Vries B.V. — €5')).toBe('Bakkerij De Vries B.V. — €5');
  });
});

describe('parseSoapAnswer', () => {
  it('keeps values as strings and reads through xmlns="" resets', () => {
    const answer = parseSoapAnswer(
      wrap(
        '<DomainsResponse xmlns="http://www.theyukicompany.com/"><DomainsResult><Domains xmlns="">' +
          '<Domain ID="e9570a5f-0000-4000-8000-000000000001"><Name>0400</Name><URL>1234.50</URL></Domain>' +
          '</Domains></DomainsResult></DomainsResponse>',
      ),
      'Domains',
    );
    expect(answer).toEqual({
      kind: 'result',
      value: {
        Domains: {
          Domain: [{ '@ID': 'e9570a5f-0000-4000-8000-000000000001', Name: '0400', URL: '1234.50' }],
        },
      },
    });
  });

  it('reads a fault with its detail', () => {
    const answer = parseSoapAnswer(
      wrap(
        '<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Daily limit exceeded</faultstring>' +
          '<detail>Every domain has 1000 free webservice calls a day.</detail></soap:Fault>',
      ),
      'Domains',
    );
    expect(answer).toEqual({
      kind: 'fault',
      fault: {
        code: 'soap:Client',
        message: 'Daily limit exceeded',
        detail: 'Every domain has 1000 free webservice calls a day.',
      },
    });
  });

  it('gives undefined for an empty response and throws on non-SOAP text', () => {
    const answer = parseSoapAnswer(
      wrap('<SetCurrentDomainResponse xmlns="http://www.theyukicompany.com/" />'),
      'SetCurrentDomain',
    );
    expect(answer).toEqual({ kind: 'result', value: undefined });
    expect(() => parseSoapAnswer('<html><body>Service Unavailable</body></html>', 'Domains')).toThrow();
    expect(() => parseSoapAnswer(wrap('<OtherResponse/>'), 'Domains')).toThrow('no DomainsResponse');
  });
});
