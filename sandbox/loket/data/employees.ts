/**
 * @module employees
 * Employees and their employments, derived from (seed, administration, index) on demand so that an
 * administration of 5,000 costs nothing until a page of it is asked for.
 */
import { FIRST_NAMES, LAST_NAMES, PREFIXES } from './names.ts';
import { drawsFrom, uuidFrom } from './random.ts';

export type CostCenter = { key: number; code: string; description: string };

export const COST_CENTERS: readonly CostCenter[] = [
  { key: 1, code: 'PROD', description: 'Productie' },
  { key: 2, code: 'VERK', description: 'Verkoop' },
  { key: 3, code: 'KANT', description: 'Kantoor en administratie' },
];

const PART_TIME_FACTORS = [1, 1, 1, 0.9, 0.8, 0.8, 0.6, 0.5, 0.4] as const;

export type Employee = {
  index: number;
  employeeId: string;
  employmentId: string;
  employeeNumber: number;
  firstName: string;
  initials: string;
  prefix: string | null;
  lastName: string;
  formattedName: string;
  dateOfBirth: string;
  startDate: string;
  /** Gross monthly salary at full time, in cents. */
  fullTimeMonthlySalaryCents: number;
  partTimeFactor: number;
  costCenter: CostCenter;
};

function choose<T>(items: readonly T[], draw: number): T {
  const item = items[Math.floor(draw * items.length)];
  if (item === undefined) throw new Error('choose from an empty list');
  return item;
}

/** The employee at `index` of an administration; same input, same person. */
export function employeeAt(seed: number, administrationId: string, index: number, startDate: string): Employee {
  const draw = drawsFrom(seed, administrationId, index);
  const firstName = choose(FIRST_NAMES, draw());
  const prefix = choose(PREFIXES, draw()) || null;
  const lastName = choose(LAST_NAMES, draw());
  const initials = `${firstName.charAt(0)}.`;
  const born = [1960 + Math.floor(draw() * 45), 1 + Math.floor(draw() * 12), 1 + Math.floor(draw() * 28)];
  return {
    index,
    employeeId: uuidFrom(seed, administrationId, index, 'employee'),
    employmentId: employmentIdAt(seed, administrationId, index),
    employeeNumber: 1001 + index,
    firstName,
    initials,
    prefix,
    lastName,
    // Loket's formattedName: surname first, then initials and tussenvoegsel ("Berg, A. van der").
    formattedName: `${lastName}, ${initials}${prefix ? ` ${prefix}` : ''}`,
    dateOfBirth: born.map((part) => String(part).padStart(2, '0')).join('-'),
    startDate,
    fullTimeMonthlySalaryCents: 2_300_00 + Math.floor(draw() * 4_500_00),
    partTimeFactor: choose(PART_TIME_FACTORS, draw()),
    costCenter: choose(COST_CENTERS, draw()),
  };
}

/** Just the employment id, for building the id index without generating whole employees. */
export function employmentIdAt(seed: number, administrationId: string, index: number): string {
  return uuidFrom(seed, administrationId, index, 'employment');
}
