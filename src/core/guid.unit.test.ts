import { describe, expect, it } from 'vitest';
import { guidSchema, normaliseGuid } from './guid.ts';

describe('guidSchema (loket-openapi.json pattern on format: uuid)', () => {
  it.each([
    ['braces', '{B14ACD0D-75D7-4FC8-8B22-4A3924585CAB}', 'b14acd0d-75d7-4fc8-8b22-4a3924585cab'],
    ['parentheses', '(b14acd0d-75d7-4fc8-8b22-4a3924585cab)', 'b14acd0d-75d7-4fc8-8b22-4a3924585cab'],
    ['no dashes', 'B14ACD0D75D74FC88B224A3924585CAB', 'b14acd0d-75d7-4fc8-8b22-4a3924585cab'],
    ['upper case', 'B14ACD0D-75D7-4FC8-8B22-4A3924585CAB', 'b14acd0d-75d7-4fc8-8b22-4a3924585cab'],
    ['version nibble 0', '3f2b1c4d-9e8a-0b7c-a6d5-e4f3a2b1c0d9', '3f2b1c4d-9e8a-0b7c-a6d5-e4f3a2b1c0d9'],
    ['variant nibble c', '3f2b1c4d-9e8a-4b7c-c6d5-e4f3a2b1c0d9', '3f2b1c4d-9e8a-4b7c-c6d5-e4f3a2b1c0d9'],
    ['SQL Server sequential', 'A0E3C3D4-3F6B-EE11-8B72-000D3A2B4C5D', 'a0e3c3d4-3f6b-ee11-8b72-000d3a2b4c5d'],
    ['all zeros', '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'],
  ])('accepts %s and normalises it', (_label, input, expected) => {
    expect(guidSchema.parse(input)).toBe(expected);
  });

  it.each([
    ['too short', 'b14acd0d-75d7-4fc8-8b22-4a3924585ca'],
    ['not hex', 'g14acd0d-75d7-4fc8-8b22-4a3924585cab'],
    ['a number', '20720'],
    ['empty', ''],
    ['trailing junk', 'b14acd0d-75d7-4fc8-8b22-4a3924585cab/x'],
  ])('refuses %s', (_label, input) => {
    expect(guidSchema.safeParse(input).success).toBe(false);
    expect(normaliseGuid(input)).toBeNull();
  });
});
