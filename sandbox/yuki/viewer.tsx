/**
 * @module viewer
 * A read-only page per administration that shows what arrived in this "Yuki": journals with their lines
 * and totals, and the archive folders with their documents (each downloadable); and a page per document,
 * which is where a link to one document points. Server-rendered, no JS.
 */
import type { Child } from 'hono/jsx';
import { centsToDecimal } from './journal.ts';
import type { Administration, ArchiveDocument, Credential, Journal, SandboxState } from './state.ts';
import { FOLDERS } from './state.ts';

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2430; }
h1, h2, h3 { line-height: 1.2; } h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d5dae1; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #e6e9ee; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 600; border-top: 2px solid #1d2430; }
.muted { color: #5b6573; } .badge { background: #eef1f5; border-radius: 4px; padding: 0 .4rem; font-size: .85em; }
a { color: #0b57d0; }
`;

function Page(props: { title: string; children: Child }) {
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Yuki sandbox</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <p class="muted">
          <a href="/_sandbox/viewer">Yuki sandbox</a> · alleen-lezen overzicht
        </p>
        {props.children}
      </body>
    </html>
  );
}

const money = (value: number) => centsToDecimal(value);
const documentPath = (id: string) => `/_sandbox/viewer/documents/${id}`;

export function OverviewPage(props: { state: SandboxState; dailyCallLimit: number; keys: Credential[] }) {
  const { state } = props;
  return (
    <Page title="Domeinen">
      <h1>Domeinen en administraties</h1>
      <h2>Toegangssleutels</h2>
      <table>
        <thead>
          <tr>
            <th>Sleutel</th>
            <th>Niveau</th>
            <th>Omschrijving</th>
            <th>Rechten</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((k) => (
            <tr>
              <td>
                <code>{k.key}</code>
              </td>
              <td>{k.level}</td>
              <td>{k.description}</td>
              <td>{k.rights.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.domains.map((domain) => (
        <section>
          <h2>{domain.name}</h2>
          <p class="muted">
            {domain.url} · ID {domain.id} · calls vandaag {state.calls.get(domain.id) ?? 0} van{' '}
            {props.dailyCallLimit}
          </p>
          <ul>
            {state.administrations
              .filter((a) => a.domainId === domain.id)
              .map((a) => (
                <li>
                  <a href={`/_sandbox/viewer/administrations/${a.id}`}>{a.name}</a>{' '}
                  <span class="muted">
                    KvK {a.cocNumber} · {state.journals.filter((j) => j.administrationId === a.id).length}{' '}
                    journaalposten · {state.documents.filter((d) => d.administrationId === a.id).length}{' '}
                    documenten
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

function JournalTable(props: { journal: Journal; administration: Administration }) {
  const { journal } = props;
  const debit = journal.lines.reduce((acc, l) => acc + Math.max(l.amountCents, 0), 0);
  const credit = journal.lines.reduce((acc, l) => acc + Math.max(-l.amountCents, 0), 0);
  const accountName = (code: string) =>
    props.administration.glAccounts.find((g) => g.code === code)?.description ?? '';
  return (
    <article>
      <h3>
        <a href={documentPath(journal.id)}>{journal.subject}</a>
      </h3>
      <p class="muted">
        <span class="badge">{journal.journalType}</span> · geboekt {journal.created.toISOString()} · document{' '}
        {journal.id}
        {journal.projectCode || journal.projectId
          ? ` · project ${journal.projectCode ?? journal.projectId}`
          : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>Datum</th>
            <th>Grootboekrekening</th>
            <th>Omschrijving</th>
            <th>Relatie</th>
            <th class="num">Debet</th>
            <th class="num">Credit</th>
          </tr>
        </thead>
        <tbody>
          {journal.lines.map((line) => (
            <tr>
              <td>{line.entryDate}</td>
              <td>
                {line.glAccount} <span class="muted">{accountName(line.glAccount)}</span>
              </td>
              <td>{line.description}</td>
              <td>{line.contactName ?? ''}</td>
              <td class="num">{line.amountCents > 0 ? money(line.amountCents) : ''}</td>
              <td class="num">{line.amountCents < 0 ? money(-line.amountCents) : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colspan={4}>Totaal</td>
            <td class="num">{money(debit)}</td>
            <td class="num">{money(credit)}</td>
          </tr>
        </tfoot>
      </table>
    </article>
  );
}

export function AdministrationPage(props: { state: SandboxState; administration: Administration }) {
  const { state, administration } = props;
  const journals = state.journals.filter((j) => j.administrationId === administration.id);
  const documents = state.documents.filter((d) => d.administrationId === administration.id);
  return (
    <Page title={administration.name}>
      <h1>{administration.name}</h1>
      <p class="muted">
        Administratie {administration.id} · KvK {administration.cocNumber}
      </p>
      <h2>Journaalposten ({journals.length})</h2>
      {journals.length === 0 ? <p class="muted">Nog geen journaalposten.</p> : null}
      {journals.map((journal) => (
        <JournalTable journal={journal} administration={administration} />
      ))}
      <h2>Archief ({documents.length})</h2>
      {FOLDERS.filter((f) => documents.some((d) => d.folder === f.id)).map((folder) => (
        <section>
          <h3>
            {folder.id} · {folder.description} <span class="muted">({folder.descriptionEN})</span>
          </h3>
          <table>
            <thead>
              <tr>
                <th>Onderwerp</th>
                <th>Bestand</th>
                <th>Tab</th>
                <th class="num">Bedrag</th>
                <th>Opmerkingen</th>
                <th>Aangemaakt</th>
              </tr>
            </thead>
            <tbody>
              {documents
                .filter((d) => d.folder === folder.id)
                .map((d) => (
                  <tr>
                    <td>
                      <a href={documentPath(d.id)}>{d.subject}</a>
                    </td>
                    <td>
                      <a href={`/_sandbox/documents/${d.id}/file`}>{d.fileName}</a>{' '}
                      <span class="muted">({d.bytes.length} bytes)</span>
                    </td>
                    <td>{d.tab ?? ''}</td>
                    <td class="num">
                      {d.amountCents === null ? '' : `${d.currency} ${money(d.amountCents)}`}
                    </td>
                    <td>{d.remarks}</td>
                    <td>{d.created.toISOString()}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      {documents.length === 0 ? <p class="muted">Nog geen documenten.</p> : null}
    </Page>
  );
}

/** One archive document; a memoriaal also shows the journal that created it. */
export function DocumentPage(props: { state: SandboxState; document: ArchiveDocument }) {
  const { state, document } = props;
  const administration = state.administrations.find((a) => a.id === document.administrationId);
  const folder = FOLDERS.find((f) => f.id === document.folder);
  const journal = state.journals.find((j) => j.id === document.id);
  return (
    <Page title={document.subject}>
      <h1>{document.subject}</h1>
      <p class="muted">
        Document {document.id}
        {administration ? (
          <>
            {' '}
            · <a href={`/_sandbox/viewer/administrations/${administration.id}`}>{administration.name}</a>
          </>
        ) : null}
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">Map</th>
            <td>{folder ? `${folder.id} · ${folder.description}` : document.folder}</td>
          </tr>
          <tr>
            <th scope="row">Bestand</th>
            <td>
              <a href={`/_sandbox/documents/${document.id}/file`}>{document.fileName}</a>{' '}
              <span class="muted">({document.bytes.length} bytes)</span>
            </td>
          </tr>
          <tr>
            <th scope="row">Bedrag</th>
            <td>
              {document.amountCents === null ? '' : `${document.currency} ${money(document.amountCents)}`}
            </td>
          </tr>
          <tr>
            <th scope="row">Opmerkingen</th>
            <td>{document.remarks}</td>
          </tr>
          <tr>
            <th scope="row">Aangemaakt</th>
            <td>{document.created.toISOString()}</td>
          </tr>
        </tbody>
      </table>
      {journal && administration ? <JournalTable journal={journal} administration={administration} /> : null}
    </Page>
  );
}
