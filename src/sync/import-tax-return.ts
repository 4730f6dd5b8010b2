/**
 * @module sync/import-tax-return
 * One payroll tax return: the overview PDF from Loket into Yuki's Archive folder *Belasting*, amount =
 * totalAmount, with the betalingskenmerk, payment deadline and wage-tax number in the remarks (and, from
 * planning, in our records). An unusable amount or a PDF that is none is refused before anything
 * reaches Yuki.
 */
import { cents } from '../core/money.ts';
import { YukiFolder } from '../yuki/yuki.client.ts';
import type { ImportItem } from './claim.ts';
import { markerTag } from './item-key.ts';
import { assertPdf } from './pdf-check.ts';
import { assertAmountUsable } from './refusal.ts';
import type { LinkContext } from './link-context.ts';

function taxReturnRemarks(item: Pick<ImportItem, 'details' | 'marker' | 'periodEndDate'>): string {
  const { paymentReference, deadlineForPayment, wageTaxNumber } = item.details;
  return [
    `Betalingskenmerk ${paymentReference ?? '-'}`,
    `uiterlijk betalen ${deadlineForPayment ?? '-'}`,
    `loonheffingennummer ${wageTaxNumber ?? '-'}`,
    `periode t/m ${item.periodEndDate}`,
    markerTag(item.marker),
  ].join(' · ');
}

export async function postTaxReturn(link: LinkContext, item: ImportItem): Promise<string> {
  assertAmountUsable(item);
  const data = await link.loket.taxReturnOverviewPdf(item.loketObjectId);
  await assertPdf(data, {
    nl: `het overzicht van loonaangifte ${item.loketObjectId}`,
    en: `the overview of payroll tax return ${item.loketObjectId}`,
  });
  return link.yuki.uploadDocumentWithData({
    administrationId: link.yukiAdministrationId,
    fileName: `${item.subject}.pdf`,
    data,
    folder: YukiFolder.tax,
    amount: cents(item.amountCents ?? 0),
    remarks: taxReturnRemarks(item),
  });
}
