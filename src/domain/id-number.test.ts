import { describe, expect, it } from 'vitest';
import { ageOn, birthDateOfId, idCheckChar, maskIdNumber, normalizeIdNumber, parseIdNumber } from './id-number.ts';

const today = new Date('2026-11-23T00:00:00Z');

describe('ID number validation (SPEC §4.2, GB 11643)', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    const r = parseIdNumber('11010519491231002X', today);
    expect(r).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionPrefix: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('computes X as a check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002x', today).ok).toBe(true);
  });

  it('accepts the example of the assessment format', () => {
    const r = parseIdNumber('621124198001010016', today);
    expect(r.ok && r.value.sex).toBe('male');
  });

  it('rejects a wrong checksum', () => {
    const r = parseIdNumber('110105194912310021', today);
    expect(r.ok ? null : r.error.code).toBe('REGISTRY_ID_CHECKSUM');
  });

  it.each(['110105194902300025', '110105194913010025', '110105190002290020', '110105209901010020'])(
    'rejects the impossible birth date in %s',
    (id) => {
      const first17 = id.slice(0, 17);
      const r = parseIdNumber(first17 + idCheckChar(first17), today);
      expect(r.ok ? null : r.error.code).toBe('REGISTRY_ID_BIRTHDATE');
    },
  );

  it('accepts 29 February in a leap year', () => {
    const first17 = '11010520000229002';
    expect(parseIdNumber(first17 + idCheckChar(first17), today).ok).toBe(true);
  });

  it('refuses 15-digit legacy numbers with a clear message', () => {
    const r = parseIdNumber('110105491231002', today);
    expect(r.ok ? null : r.error.code).toBe('REGISTRY_ID_LEGACY_15');
  });

  it('rejects numbers mangled by Excel and wrong lengths', () => {
    for (const bad of ['1.10105E+17', '11010519491231002', '1101051949123100211', '11010519491231002Y']) {
      const r = parseIdNumber(bad, today);
      expect(r.ok ? null : r.error.code).toBe('REGISTRY_ID_FORMAT');
    }
  });

  it('normalises full-width digits and spaces', () => {
    expect(parseIdNumber(' １１０１０５１９４９１２３１００２Ｘ ', today).ok).toBe(true);
  });

  it('drops a leading apostrophe and invisible bidi or zero-width marks, but still checks the number', () => {
    const id = '11010519491231002X';
    for (const forced of [
      `'${id}`,
      `＇${id}`,
      `’${id}`,
      `\u202d${id}\u202c`,
      `\u200b${id.slice(0, 6)}\u2062${id.slice(6)}\ufeff`,
    ]) {
      expect(normalizeIdNumber(forced)).toBe(id);
      expect(parseIdNumber(forced, today)).toMatchObject({ ok: true, value: { idNumber: id } });
    }
    expect(normalizeIdNumber(`${id.slice(0, 6)}'${id.slice(6)}`)).toBe(`${id.slice(0, 6)}'${id.slice(6)}`);
    const r = parseIdNumber("'110105194912310021", today);
    expect(r.ok ? null : r.error.code).toBe('REGISTRY_ID_CHECKSUM');
  });

  it('masks the birth date and the sequence: only the first 6 and last 2 characters show (SPEC §17)', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105**********2X');
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231');
  });

  it('leaves thousands of candidates to someone who knows the mask and the age (SPEC §17: not reversible)', () => {
    const id = '11010519491231002X';
    const mask = maskIdNumber(id);
    const today = new Date('2026-12-03T00:00:00Z');
    const age = ageOn(birthDateOfId(id), '2026-12-03');
    let candidates = 0;
    for (let day = new Date('1948-12-03T00:00:00Z'); day <= new Date('1950-12-03T00:00:00Z'); ) {
      const birth = day.toISOString().slice(0, 10);
      if (ageOn(birth, '2026-12-03') === age) {
        for (let seq = 0; seq < 100; seq++) {
          const body = `${mask.slice(0, 6)}${birth.replaceAll('-', '')}${String(seq).padStart(2, '0')}${mask[16]}`;
          if (idCheckChar(body) === mask[17] && parseIdNumber(body + mask[17], today).ok) candidates++;
        }
      }
      day = new Date(day.getTime() + 86_400_000);
    }
    expect(candidates).toBeGreaterThan(2000);
  });

  it('computes age', () => {
    expect(ageOn('2010-11-24', '2026-11-23')).toBe(15);
    expect(ageOn('2010-11-23', '2026-11-23')).toBe(16);
  });
});
