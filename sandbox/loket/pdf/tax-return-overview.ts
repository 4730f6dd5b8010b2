/**
 * @module tax-return-overview
 * The overview PDF of a payroll tax return: amounts, betalingskenmerk, IBAN and deadline.
 */
import type { LoketWorld, TaxReturn } from '../data/world.ts';
import { renderTaxReturn } from '../http/resources.ts';
import { formatEuroCents, renderPdf } from './documents.ts';

export function taxReturnOverviewPdf(world: LoketWorld, taxReturn: TaxReturn): Promise<Uint8Array> {
  const shown = renderTaxReturn(world, taxReturn);
  return renderPdf({
    title: 'Overzicht loonaangifte',
    subtitle: `${shown.withholdingParty ?? ''} – loonheffingennummer ${shown.wageTaxNumber}`,
    sections: [
      {
        heading: `Tijdvak ${shown.period.periodStartDate} t/m ${shown.period.periodEndDate} (volgnummer ${shown.sequenceNumber})`,
        rows: [
          ['Status', shown.payrollTaxReturnStatus.value],
          ['Berichtkenmerk', shown.messageReference],
          ['Bedrag tijdvak', formatEuroCents(taxReturn.periodAmountCents)],
          ['Correcties', formatEuroCents(taxReturn.correctionAmountCents)],
          [
            'Totaal te betalen',
            formatEuroCents(taxReturn.periodAmountCents + taxReturn.correctionAmountCents),
          ],
        ],
      },
      {
        heading: 'Betaling',
        rows: [
          ['Betalingskenmerk', shown.paymentReference.replace(/(\d{4})(?=\d)/g, '$1 ')],
          ['IBAN', shown.iban],
          ['Ten name van', shown.inTheNameOf],
          ['Uiterste betaaldatum', shown.deadlineForPayment],
        ],
      },
    ],
    footer: `Loonaangifte ${taxReturn.id}`,
  });
}
