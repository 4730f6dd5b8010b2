import { describe, expect, it } from 'vitest';
import { normaliseCompanyName, sameCompany } from './relation-code-match.ts';

describe('relation-code-match', () => {
  it('sets legal forms, punctuation, case and accents aside', () => {
    expect(normaliseCompanyName('Bakkerij De Vries B.V.')).toBe('bakkerij de vries');
    expect(normaliseCompanyName('bakkerij  de vries BV')).toBe('bakkerij de vries');
    expect(normaliseCompanyName('Çelik Hoveniers V.O.F.')).toBe('celik hoveniers');
    expect(normaliseCompanyName('Van der Berg N.V.')).toBe('van der berg');
  });

  it('matches on the KvK number even when the names differ', () => {
    expect(
      sameCompany({ name: 'Bakkerij De Vries B.V.', cocNumber: '34128765' }, { name: 'BDV Holding', cocNumber: '34 12 87 65' }),
    ).toBe(true);
  });

  it('matches on the name when a KvK number is missing, and not on another company', () => {
    expect(sameCompany({ name: 'Bakkerij De Vries B.V.', cocNumber: null }, { name: 'Bakkerij de Vries BV', cocNumber: '1' })).toBe(true);
    expect(
      sameCompany(
        { name: 'Bakkerij De Vries B.V.', cocNumber: '34128765' },
        { name: 'Van der Berg Installatietechniek B.V.', cocNumber: '17283946' },
      ),
    ).toBe(false);
  });
});
