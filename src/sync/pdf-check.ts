/**
 * @module sync/pdf-check
 * What Loket serves as `application/pdf` must be a PDF before it goes to Yuki: the `%PDF-` signature in
 * the first kilobyte (where PDF 1.7 §7.5.2 readers look for it), the `%%EOF` trailer in the last one (a
 * cut-off file lacks it), and a document pdf-lib can load with at least one page. Loading without
 * touching metadata takes milliseconds for a payslip.
 */
import type * as PdfLib from 'pdf-lib';
import { AppError } from '../core/errors.ts';
import type { Message } from '../core/errors.ts';

const WINDOW = 1024;

type Flaw = 'signature' | 'trailer' | 'unreadable';

const FLAWS: Record<Flaw, { nl: string; en: string }> = {
  signature: { nl: 'het begint niet met %PDF-', en: 'it does not start with %PDF-' },
  trailer: {
    nl: 'het einde (%%EOF) ontbreekt, het bestand is afgebroken',
    en: 'its end (%%EOF) is missing, the file was cut off',
  },
  unreadable: {
    nl: 'het is niet als PDF te lezen of heeft geen pagina’s',
    en: 'it cannot be read as a PDF or has no pages',
  },
};

/** Loket served something as a PDF that is not one: refused, permanently, before Yuki sees it. */
export class NotAPdfError extends AppError {
  constructor(what: Message, flaw: Flaw, size: number, cause?: unknown) {
    super(
      'sync.not_a_pdf',
      {
        nl: `Loket stuurde voor ${what.nl} een bestand als PDF dat geen PDF is: ${FLAWS[flaw].nl} (${size} bytes). Er is niets naar Yuki gestuurd; vraag Loket het document opnieuw aan te maken.`,
        en: `Loket sent a file as the PDF of ${what.en} that is not a PDF: ${FLAWS[flaw].en} (${size} bytes). Nothing was sent to Yuki; ask Loket to produce the document again.`,
      },
      { cause },
    );
  }
}

const latin1 = new TextDecoder('latin1');

let loading: Promise<typeof PdfLib> | undefined;
/** pdf-lib (~140 modules) loads at the first PDF: an idle service never needs it (issue 13 P2); once, as each `import()` resolves again. */
const pdfLib = () => (loading ??= import('pdf-lib'));

/** Refuses `bytes` unless they are a loadable PDF with at least one page; `what` names the document. */
export async function assertPdf(bytes: Uint8Array, what: Message): Promise<void> {
  if (!latin1.decode(bytes.subarray(0, WINDOW)).includes('%PDF-'))
    throw new NotAPdfError(what, 'signature', bytes.byteLength);
  if (!latin1.decode(bytes.subarray(Math.max(0, bytes.byteLength - WINDOW))).includes('%%EOF'))
    throw new NotAPdfError(what, 'trailer', bytes.byteLength);
  const { PDFDocument } = await pdfLib();
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    pages = document.getPageCount();
  } catch (error) {
    throw new NotAPdfError(what, 'unreadable', bytes.byteLength, error);
  }
  if (pages < 1) throw new NotAPdfError(what, 'unreadable', bytes.byteLength);
}
