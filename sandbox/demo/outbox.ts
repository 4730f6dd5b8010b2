/**
 * @module demo/outbox
 * The demo's mail is real and visible: a local SMTP catcher the demo service sends through, and a page
 * (`/_demo/outbox`, linked from the demo banner) that shows every mail it caught, newest first.
 */
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { at: Date; to: string[]; subject: string; text: string };

export type DemoOutbox = {
  url: string;
  mails: CaughtMail[];
  routes(app: Hono<never>): void;
  close(): Promise<void>;
};

/** The body of a single-part text mail as nodemailer writes it: quoted-printable or base64. */
export function decodeBody(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).trim();
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: decodeWords(header('Subject')), text };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

export async function startDemoOutbox(): Promise<DemoOutbox> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { subject, text } = decodeBody(Buffer.concat(chunks).toString('utf8'));
        mails.unshift({
          at: new Date(),
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject,
          text,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    routes(app) {
      app.get('/_demo/outbox', (c) =>
        c.html(
          html`<!doctype html>
            <html lang="nl">
              <head>
                <meta charset="utf-8" />
                <title>Demo-outbox</title>
                <link rel="stylesheet" href="/assets/app.css" />
              </head>
              <body>
                <main id="main">
                  <h1>Demo-outbox</h1>
                  <p>
                    Elke e-mail die de demo verstuurt, opgevangen door een lokale mailserver (nieuwste eerst).
                    Every e-mail the demo sends, caught by a local mail server (newest first).
                    <a href="/">Terug / Back</a>
                  </p>
                  ${mails.length === 0 ? html`<p>Nog geen e-mail. / No e-mail yet.</p>` : ''}
                  ${mails.map(
                    (mail) =>
                      html`<article class="card">
                        <h2>${mail.subject}</h2>
                        <p>Aan / To: ${mail.to.join(', ')} · ${mail.at.toISOString()}</p>
                        <pre>${mail.text}</pre>
                      </article>`,
                  )}
                </main>
              </body>
            </html>`,
        ),
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
