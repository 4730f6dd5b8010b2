/**
 * @module demo-firm
 * The one demo accounting firm that both sandboxes are seeded with, so that a Yuki administration and
 * the Loket employer behind it describe the same company. The Yuki sandbox seeds the domains and
 * administrations; the Loket sandbox seeds an employer with one payroll administration per entry that
 * has `loket`. Identifiers are fixed so that demo data, tests and screenshots are reproducible.
 */

export type PayrollPeriodType = 'month' | '4weeks' | 'week';

export type DemoAdministration = {
  /** Yuki administration GUID. */
  yukiAdministrationId: string;
  name: string;
  cocNumber: string;
  isStandard: boolean;
  /** The Loket side of this company; absent when the company has no payroll in Loket. */
  loket?: {
    employerId: string;
    payrollAdministrationId: string;
    clientNumber: number;
    periodType: PayrollPeriodType;
    employees: number;
    payrollTaxesNumber: string;
  };
};

export type DemoDomain = {
  /** Yuki domain GUID. */
  yukiDomainId: string;
  name: string;
  url: string;
  administrations: DemoAdministration[];
};

export const demoFirm = {
  name: 'Administratiekantoor Jansen & De Boer',
  domains: [
    {
      yukiDomainId: '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a01',
      name: 'Bakkerij De Vries',
      url: 'bakkerijdevries.yukiworks.nl',
      administrations: [
        {
          yukiAdministrationId: '3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e01',
          name: 'Bakkerij De Vries B.V.',
          cocNumber: '34128765',
          isStandard: true,
          loket: {
            employerId: 'a1f0c3d2-7b6e-0a59-cc41-2d3e4f5a6b01',
            payrollAdministrationId: 'b2e1d4c3-8c7f-ee11-9d52-3e4f5a6b7c01',
            clientNumber: 10231,
            periodType: 'month',
            employees: 12,
            payrollTaxesNumber: '812345671L01',
          },
        },
      ],
    },
    {
      yukiDomainId: '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a02',
      name: 'Van der Berg Groep',
      url: 'vanderberggroep.yukiworks.nl',
      administrations: [
        {
          yukiAdministrationId: '3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e02',
          name: 'Van der Berg Installatietechniek B.V.',
          cocNumber: '17283946',
          isStandard: true,
          loket: {
            employerId: 'a1f0c3d2-7b6e-0a59-cc41-2d3e4f5a6b02',
            payrollAdministrationId: 'b2e1d4c3-8c7f-ee11-9d52-3e4f5a6b7c02',
            clientNumber: 20417,
            periodType: '4weeks',
            employees: 25,
            payrollTaxesNumber: '823456782L01',
          },
        },
        {
          yukiAdministrationId: '3a8e6c21-1f2b-4c3d-8e4f-5a6b7c8d9e03',
          name: 'Van der Berg Holding B.V.',
          cocNumber: '17283947',
          isStandard: false,
          loket: {
            employerId: 'a1f0c3d2-7b6e-0a59-cc41-2d3e4f5a6b03',
            payrollAdministrationId: 'b2e1d4c3-8c7f-ee11-9d52-3e4f5a6b7c03',
            clientNumber: 20418,
            periodType: 'month',
            employees: 3,
            payrollTaxesNumber: '834567893L01',
          },
        },
      ],
    },
  ] satisfies DemoDomain[],
} as const;
