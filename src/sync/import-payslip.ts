/**
 * @module sync/import-payslip
 * One payslip: the PDF from Loket into Yuki's Archive folder *Personeel*, amount = net pay. Yuki takes
 * the subject from the file name, so the file is named after the subject (marker included); the
 * remarks carry the marker and the period's last day, the date the payslip belongs to. An unusable
 * amount or a PDF that is none is refused before anything reaches Yuki.
 */
import { cents } from '../core/money.ts';
import { YukiFolder } from '../yuki/yuki.client.ts';
import type { ImportItem } from './claim.ts';
import { markerTag } from './item-key.ts';
import { assertPdf } from './pdf-check.ts';
import { assertAmountUsable } from './refusal.ts';
import type { LinkContext } from './link-context.ts';

export async function postPayslip(link: LinkContext, item: ImportItem): Promise<string> {
  const [payrollRunId, employmentId] = item.loketObjectId.split('/');
  if (!payrollRunId || !employmentId) throw new Error(`not a payslip object id: ${item.loketObjectId}`);
  assertAmountUsable(item);
  const data = await link.loket.payslipPdf(employmentId, payrollRunId);
  await assertPdf(data, {
    nl: `de loonstrook van dienstverband ${employmentId} in loonrun ${payrollRunId}`,
    en: `the payslip of employment ${employmentId} in payroll run ${payrollRunId}`,
  });
  return link.yuki.uploadDocumentWithData({
    administrationId: link.yukiAdministrationId,
    fileName: `${item.subject}.pdf`,
    data,
    folder: YukiFolder.personnel,
    amount: cents(item.amountCents ?? 0),
    remarks: `Loonstrook uit Loket, periode t/m ${item.periodEndDate} ${markerTag(item.marker)}`,
  });
}
