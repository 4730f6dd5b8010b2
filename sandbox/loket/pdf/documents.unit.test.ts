import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { formatEuroCents, renderPdf, toWinAnsi } from './documents.ts';

describe('sandbox PDFs', () => {
  it('keeps Dutch diacritics and replaces what WinAnsi cannot encode', () => {
    expect(toWinAnsi('Chloë Çelik, € 5')).toBe('Chloë Çelik, € 5');
    expect(toWinAnsi('Yılmaz Şahin')).toBe('Yilmaz Sahin');
  });

  it('formats euro amounts the Dutch way', () => {
    expect(formatEuroCents(123456789)).toBe('€ 1.234.567,89');
    expect(formatEuroCents(-5)).toBe('-€ 0,05');
  });

  it('renders a readable one-page PDF, the same bytes for the same text', async () => {
    const text = {
      title: 'Loonstrook',
      subtitle: 'Yılmaz, Ü. van der',
      sections: [{ heading: 'Loon', rows: [['Salaris', '€ 1,00']] as [string, string][] }],
      footer: 'x',
    };
    const first = await renderPdf(text);
    expect(Buffer.from(first.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.compare(Buffer.from(first), Buffer.from(await renderPdf(text)))).toBe(0);
    expect((await PDFDocument.load(first)).getPageCount()).toBe(1);
  });
});
