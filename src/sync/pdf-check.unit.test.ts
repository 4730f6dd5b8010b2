import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assertPdf, NotAPdfError } from './pdf-check.ts';

const what = { nl: 'de loonstrook', en: 'the payslip' };

async function realPdf(pages = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let n = 0; n < pages; n += 1) document.addPage().drawText('Loonstrook');
  return document.save();
}

async function flawOf(bytes: Uint8Array): Promise<string> {
  const error = await assertPdf(bytes, what).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof NotAPdfError)) throw new Error(`not refused: ${String(error)}`);
  expect(error).toMatchObject({ code: 'sync.not_a_pdf', retryable: false });
  return error.text.en;
}

describe('assertPdf', () => {
  it('accepts a PDF', async () => {
    await expect(assertPdf(await realPdf(), what)).resolves.toBeUndefined();
  });

  it('refuses an HTML page served as a PDF', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Service Unavailable</body></html>');
    expect(await flawOf(html)).toBe(
      `Loket sent a file as the PDF of the payslip that is not a PDF: it does not start with %PDF- (${html.length} bytes). Nothing was sent to Yuki; ask Loket to produce the document again.`,
    );
  });

  it('refuses a PDF cut off before its end', async () => {
    const pdf = await realPdf();
    expect(await flawOf(pdf.subarray(0, Math.floor(pdf.length / 2)))).toContain('its end (%%EOF) is missing');
  });

  it('refuses a file that only looks like a PDF at both ends', async () => {
    const fake = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`);
    expect(await flawOf(fake)).toContain('it cannot be read as a PDF or has no pages');
  });
});
