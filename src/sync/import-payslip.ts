/**
 * @module sync/import-payslip
 * One payslip: the PDF from Loket into Yuki's Archive folder *Personeel*, amount = net pay. Yuki takes
 * the subject from the file name, so the file is named after the subject (marker included); the
 * remarks carry the marker and the period's last day, the date the payslip belongs to.
 */
import { cents } from '../core/money.ts';
import { YukiFolder } from '../yuki/yuki.client.ts';
import type { ImportItem } from './claim.ts';
import { markerTag } from './item-key.ts';
import type { LinkContext } from './link-context.ts';

export async function postPayslip(link: LinkContext, item: ImportItem): Promise<string> {
  const [payrollRunId, employmentId] = item.loketObjectId.split('/');
  if (!payrollRunId || !employmentId) throw new Error(`not a payslip object id: ${item.loketObjectId}`);
  const data = await link.loket.payslipPdf(employmentId, payrollRunId);
  return link.yuki.uploadDocumentWithData({
    administrationId: link.yukiAdministrationId,
    fileName: `${item.subject}.pdf`,
    data,
    folder: YukiFolder.personnel,
    amount: cents(item.amountCents ?? 0),
    remarks: `Loonstrook uit Loket, periode t/m ${item.periodEndDate} ${markerTag(item.marker)}`,
  });
}
