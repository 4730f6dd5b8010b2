/**
 * @module app
 * The Yuki sandbox's HTTP surface: `/ws/<Service>.asmx` (SOAP 1.1), `/docs/Upload.aspx`, and `/_sandbox/*`
 * for tests and people (credentials, call counters, day reset, fault knobs, state, viewer).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { centsToDecimal } from './journal.ts';
import type { Config } from './operation.ts';
import { yukiFaultsSchema } from './options.ts';
import { handleSoapCall } from './services.ts';
import { SoapFault, soapFault } from './soap.ts';
import type { SandboxState } from './state.ts';
import { credentials, SERVICES } from './state.ts';
import { handleUploadAspx } from './upload-aspx.ts';
import { AdministrationPage, DocumentPage, OverviewPage } from './viewer.tsx';

const XML = 'text/xml; charset=utf-8';

export function callCounters(state: SandboxState, config: Config) {
  return {
    day: state.day,
    dailyCallLimit: config.dailyCallLimit,
    domains: state.domains.map((d) => {
      const calls = state.calls.get(d.id) ?? 0;
      return { domainId: d.id, name: d.name, calls, remaining: Math.max(config.dailyCallLimit - calls, 0) };
    }),
  };
}

/** Latency and the 5xx draw, applied before Yuki-facing endpoints answer. */
async function injectFaults(state: SandboxState, config: Config): Promise<Response | null> {
  const { latencyMs, serverErrorRate } = config.faults;
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  if (serverErrorRate > 0 && state.random() < serverErrorRate) {
    return new Response('<html><body><h1>Service Unavailable</h1></body></html>', {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
  return null;
}

function stateJson(state: SandboxState) {
  return {
    journals: state.journals.map((j) => ({
      ...j,
      lines: j.lines.map((l) => ({ ...l, amount: centsToDecimal(l.amountCents) })),
    })),
    documents: state.documents.map(({ bytes, ...d }) => ({ ...d, size: bytes.length })),
    contacts: state.contacts,
  };
}

export function createApp(
  state: SandboxState,
  config: Config,
  control: { resetDay(): void; expireSessions(): void },
) {
  const app = new Hono();

  app.post('/ws/:file', async (c) => {
    const service = SERVICES.find((s) => `${s}.asmx` === c.req.param('file'));
    if (!service) return c.text('Not Found', 404);
    const injected = await injectFaults(state, config);
    if (injected) return injected;
    const raw = await c.req.text();
    try {
      const body = await handleSoapCall(state, config, service, c.req.header('SOAPAction'), raw);
      return c.body(body, 200, { 'content-type': XML });
    } catch (error) {
      const fault =
        error instanceof SoapFault
          ? error
          : new SoapFault('soap:Server', `Server was unable to process request. ---> ${String(error)}`);
      return c.body(soapFault(fault), 500, { 'content-type': XML });
    }
  });

  app.post('/docs/Upload.aspx', async (c) => {
    const injected = await injectFaults(state, config);
    if (injected) return injected;
    return c.body(await handleUploadAspx(state, config, c.req.raw), 200, { 'content-type': XML });
  });

  app.get('/_sandbox/credentials', (c) => c.json({ accessKeys: credentials(state) }));
  app.get('/_sandbox/calls', (c) => c.json(callCounters(state, config)));
  app.post('/_sandbox/reset-day', (c) => {
    control.resetDay();
    return c.json(callCounters(state, config));
  });
  app.post('/_sandbox/expire-sessions', (c) => {
    control.expireSessions();
    return c.json({ expired: true });
  });
  app.get('/_sandbox/faults', (c) => c.json(config.faults));
  app.put('/_sandbox/faults', async (c: Context) => {
    const parsed = yukiFaultsSchema.partial().safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: parsed.error.issues }, 400);
    Object.assign(config.faults, parsed.data);
    return c.json(config.faults);
  });
  app.get('/_sandbox/state', (c) => c.json(stateJson(state)));

  app.get('/', (c) => c.redirect('/_sandbox/viewer'));
  app.get('/_sandbox/viewer', (c) =>
    c.html(
      `<!DOCTYPE html>${(<OverviewPage state={state} dailyCallLimit={config.dailyCallLimit} keys={credentials(state)} />)}`,
    ),
  );
  app.get('/_sandbox/viewer/administrations/:id', (c) => {
    const administration = state.administrations.find((a) => a.id === c.req.param('id'));
    if (!administration) return c.text('Administratie niet gevonden', 404);
    return c.html(`<!DOCTYPE html>${(<AdministrationPage state={state} administration={administration} />)}`);
  });
  app.get('/_sandbox/viewer/documents/:id', (c) => {
    const document = state.documents.find((d) => d.id === c.req.param('id'));
    if (!document) return c.text('Document niet gevonden', 404);
    return c.html(`<!DOCTYPE html>${(<DocumentPage state={state} document={document} />)}`);
  });
  app.get('/_sandbox/documents/:id/file', (c) => {
    const document = state.documents.find((d) => d.id === c.req.param('id'));
    if (!document) return c.text('Document niet gevonden', 404);
    const type = document.fileName.endsWith('.pdf')
      ? 'application/pdf'
      : document.fileName.endsWith('.xml')
        ? XML
        : 'application/octet-stream';
    return c.body(new Uint8Array(document.bytes), 200, {
      'content-type': type,
      // ASCII fallback plus RFC 5987 for names such as "Loonstrook Zoë".
      'content-disposition': `attachment; filename="${document.fileName.replace(/[^\w.\-, ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    });
  });

  return app;
}
