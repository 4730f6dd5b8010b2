/**
 * @module payslip
 * The payslip PDF of one employee in one payroll run, with the same figures as its JSON.
 */
import type { Employee } from '../data/employees.ts';
import type { Administration, Employer, LoketWorld, PayrollRun } from '../data/world.ts';
import { formatEuroCents, renderPdf } from './documents.ts';
import type { PdfSection } from './documents.ts';

export function payslipPdf(
  world: LoketWorld,
  employer: Employer,
  administration: Administration,
  employee: Employee,
  run: PayrollRun,
): Promise<Uint8Array> {
  const sections: PdfSection[] = world.employeeLines(administration, employee, run).map((line) => {
    const amounts = world.lineAmounts(administration, employee, line);
    return {
      heading: `${line.backPayPercent === null ? 'Periode' : `Nabetaling ${line.backPayPercent}% over periode`} ${line.period.periodNumber}-${line.period.year} (${line.period.startDate} t/m ${line.period.endDate})`,
      rows: [
        ['Salaris (bruto)', formatEuroCents(amounts.gross)],
        ['Loonheffing', formatEuroCents(-amounts.wageTax)],
        ['Netto loon', formatEuroCents(amounts.net)],
        ['Werkgeverslasten (informatief)', formatEuroCents(amounts.socialCharges)],
        ['Reservering vakantiegeld (informatief)', formatEuroCents(amounts.holidayReservation)],
      ],
    };
  });
  return renderPdf({
    title: 'Loonstrook',
    subtitle: `${employer.companyName} – ${employee.formattedName} (personeelsnummer ${employee.employeeNumber})`,
    sections: [
      {
        heading: 'Werknemer',
        rows: [
          [
            'Naam',
            `${employee.firstName} ${employee.prefix ? `${employee.prefix} ` : ''}${employee.lastName}`,
          ],
          ['Deeltijdfactor', employee.partTimeFactor.toFixed(2).replace('.', ',')],
          ['Kostenplaats', `${employee.costCenter.code} ${employee.costCenter.description}`],
        ],
      },
      ...sections,
    ],
    footer: `Verloning ${run.id} · volgnummer ${run.sequenceNumber} · loonheffingennummer ${administration.payrollTaxesNumber}`,
  });
}
