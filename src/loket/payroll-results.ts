/**
 * @module loket/payroll-results
 * Payroll results (the figures behind a payslip) and net pay. Loket has no net field: net pay is a
 * payroll component whose key depends on the payroll setup, so the key is configurable per administration.
 */
import type { z } from 'zod';
import type { Cents } from '../core/money.ts';
import { loketCents, loketTotal } from './amounts.ts';
import type { payrollResultSchema } from './schemas.ts';

/** Our default net-pay component key; it matches the Loket sandbox's (Loket publishes no standard). */
export const DEFAULT_NET_PAY_COMPONENT_KEY = 260;

export type LoketPayrollComponentResult = {
  key: number;
  name: string;
  value: number;
  valueSpecialTariff: number;
};

export type LoketPayrollResult = {
  employmentId: string;
  periods: Array<{
    year: number;
    periodNumber: number | null;
    startDate: string;
    endDate: string;
    /** Loket's `payrollPeriod.testYear`: test data, never to be booked. */
    testYear: boolean;
    payslipTypes: Array<{ key: number; name: string; components: LoketPayrollComponentResult[] }>;
  }>;
};

export function toPayrollResult(result: z.output<typeof payrollResultSchema>): LoketPayrollResult {
  return {
    employmentId: result.employmentId,
    periods: result.payrollPeriods.map(({ payrollPeriod, payslipTypes }) => ({
      year: payrollPeriod.year,
      periodNumber: payrollPeriod.periodNumber ?? null,
      startDate: payrollPeriod.periodStartDate,
      endDate: payrollPeriod.periodEndDate,
      testYear: payrollPeriod.testYear,
      payslipTypes: payslipTypes.map(({ payslipType, payrollComponentResults }) => ({
        key: payslipType.key,
        name: payslipType.value,
        components: payrollComponentResults.map(({ payrollComponent, value, valueSpecialTariff }) => ({
          key: payrollComponent.key,
          name: payrollComponent.value,
          value,
          valueSpecialTariff,
        })),
      })),
    })),
  };
}

/**
 * Net pay over every period and payslip type of a result, both tariffs, in cents; an amount no payroll
 * produces is refused (LoketAmountRefusedError) naming the component and the employment.
 */
export function netPayOf(
  result: LoketPayrollResult,
  netPayComponentKey: number = DEFAULT_NET_PAY_COMPONENT_KEY,
): Cents {
  const where = `payrollComponent ${netPayComponentKey}, employment ${result.employmentId}`;
  return loketTotal(
    result.periods.flatMap((period) =>
      period.payslipTypes.flatMap((type) =>
        type.components
          .filter((component) => component.key === netPayComponentKey)
          .flatMap((component) => [
            loketCents(component.value, `value (${where})`),
            loketCents(component.valueSpecialTariff, `valueSpecialTariff (${where})`),
          ]),
      ),
    ),
    `net pay (${where})`,
  );
}
