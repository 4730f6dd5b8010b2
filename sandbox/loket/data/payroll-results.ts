/**
 * @module payroll-results
 * One employee's payroll result for one period, in integer cents so that payslips, journals and tax
 * returns add up to the cent. Net pay = gross − wage tax; employer social charges and the holiday
 * allowance reservation are employer costs on top.
 */
import type { PayrollPeriodType } from '../../shared/demo-firm.ts';
import type { Employee } from './employees.ts';
import { drawsFrom } from './random.ts';

/**
 * The payroll component keys this sandbox uses. Loket does not publish which keys mean gross or net;
 * `NET_PAY_COMPONENT_KEY` is the sandbox's choice, mirrored as the client's default.
 */
export const PAYROLL_COMPONENTS = {
  gross: { key: 10, value: 'SALARIS', category: { key: 2, value: 'Loon' }, column: { key: 6, value: 'Sociaalplichtig loon' } },
  wageTax: { key: 20, value: 'LOONHEFFING', category: { key: 5, value: 'Inhoudingen' }, column: { key: 10, value: 'Netto inhoudingen' } },
  socialCharges: { key: 30, value: 'PREMIES WG', category: { key: 6, value: 'Werkgeverslasten' }, column: { key: 12, value: 'Werkgeverslasten' } },
  holidayReservation: { key: 40, value: 'RES VAK.GELD', category: { key: 7, value: 'Reserveringen' }, column: { key: 13, value: 'Reserveringen' } },
  netPay: { key: 260, value: 'NETTO LOON', category: { key: 8, value: 'Netto' }, column: { key: 14, value: 'Netto loon' } },
} as const;

/** The payroll component key that carries net pay (the amount paid to the employee). */
export const NET_PAY_COMPONENT_KEY = PAYROLL_COMPONENTS.netPay.key;

export type PayrollAmounts = {
  gross: number;
  wageTax: number;
  socialCharges: number;
  holidayReservation: number;
  net: number;
};

/** Salary months per period: 12 months, 13 four-week periods or 52 weeks a year. */
const PERIODS_PER_YEAR: Record<PayrollPeriodType, number> = { month: 12, '4weeks': 13, week: 52 };

const WAGE_TAX_RATE = 0.3697;
/** Monthly general tax credit (algemene heffingskorting + arbeidskorting, roughly), in cents. */
const MONTHLY_TAX_CREDIT_CENTS = 380_00;
const EMPLOYER_CHARGES_RATE = 0.1895;
const HOLIDAY_ALLOWANCE_RATE = 0.08;

function amountsFromGross(gross: number, taxCredit: number): PayrollAmounts {
  const wageTax = Math.max(0, Math.round(gross * WAGE_TAX_RATE) - taxCredit);
  return {
    gross,
    wageTax,
    socialCharges: Math.round(gross * EMPLOYER_CHARGES_RATE),
    holidayReservation: Math.round(gross * HOLIDAY_ALLOWANCE_RATE),
    net: gross - wageTax,
  };
}

function periodSalary(employee: Employee, type: PayrollPeriodType): number {
  return Math.round((employee.fullTimeMonthlySalaryCents * 12 * employee.partTimeFactor) / PERIODS_PER_YEAR[type]);
}

/** The regular result of an employee for one period; about a third work some overtime (up to 10%). */
export function regularAmounts(employee: Employee, type: PayrollPeriodType, periodId: number): PayrollAmounts {
  const draw = drawsFrom(employee.employmentId, periodId);
  const overtimeShare = draw() < 0.35 ? draw() * 0.1 : 0;
  const salary = periodSalary(employee, type);
  return amountsFromGross(salary + Math.round(salary * overtimeShare), Math.round((MONTHLY_TAX_CREDIT_CENTS * 12) / PERIODS_PER_YEAR[type]));
}

/** A retroactive raise of `percent` over an earlier period: taxed without credit (bijzonder tarief). */
export function backPayAmounts(employee: Employee, type: PayrollPeriodType, percent: number): PayrollAmounts {
  return amountsFromGross(Math.round((periodSalary(employee, type) * percent) / 100), 0);
}

/** Adds results component by component. */
export function addAmounts(a: PayrollAmounts, b: PayrollAmounts): PayrollAmounts {
  return {
    gross: a.gross + b.gross,
    wageTax: a.wageTax + b.wageTax,
    socialCharges: a.socialCharges + b.socialCharges,
    holidayReservation: a.holidayReservation + b.holidayReservation,
    net: a.net + b.net,
  };
}

export const ZERO_AMOUNTS: PayrollAmounts = { gross: 0, wageTax: 0, socialCharges: 0, holidayReservation: 0, net: 0 };

/** Euros as Loket writes them: a JSON number with at most two decimals. */
export function euros(cents: number): number {
  return cents / 100;
}
