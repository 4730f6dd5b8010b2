/**
 * @module documents
 * Real PDFs, made on request with pdf-lib: a payslip per employee per payroll run, and the overview
 * of a payroll tax return. Nothing is cached, so memory does not grow with the administration.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';

export type PdfRow = [label: string, value: string];

export type PdfSection = { heading: string; rows: PdfRow[] };

export type PdfDocumentText = { title: string; subtitle: string; sections: PdfSection[]; footer: string };

/** The standard fonts speak WinAnsi only: keep Latin-1 and €, strip accents from the rest (ı, ş). */
export function toWinAnsi(text: string): string {
  return [...text]
    .map((char) => {
      if (char.charCodeAt(0) <= 0xff || char === '€') return char;
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      if (base.length === 1 && base.charCodeAt(0) <= 0xff) return base;
      return char === 'ı' ? 'i' : '?';
    })
    .join('');
}

/** Dutch money notation for people: € 1.234,56. */
export function formatEuroCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
}

function write(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number): void {
  page.drawText(toWinAnsi(text), { x, y, size, font });
}

/** Renders a one-page A4 document of headed sections of label/value rows. */
export async function renderPdf(document: PdfDocumentText): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(document.title));
  pdf.setProducer('Loket sandbox (loket-yuki)');
  // Fixed dates keep the bytes of a document the same for the same data.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  let y = 790;
  write(page, bold, document.title, 50, y, 18);
  y -= 22;
  write(page, regular, document.subtitle, 50, y, 11);
  for (const section of document.sections) {
    y -= 30;
    write(page, bold, section.heading, 50, y, 12);
    for (const [label, value] of section.rows) {
      y -= 17;
      write(page, regular, label, 50, y, 10);
      write(page, regular, value, 545 - regular.widthOfTextAtSize(toWinAnsi(value), 10), y, 10);
    }
  }
  write(page, regular, document.footer, 50, 40, 8);
  // A plain cross-reference table: faster to write than object streams, and every viewer reads it.
  return pdf.save({ useObjectStreams: false });
}
