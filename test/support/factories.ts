import { idCheckChar } from '../../src/domain/id-number.ts';
import type { PersonInput } from '../../src/modules/registry/person-input.ts';

let serial = 0;

/** A valid 18-digit ID number; `sex` controls the parity of digit 17 (SPEC §4.2). */
export function makeIdNumber(birth = '19800101', sex: 'male' | 'female' = 'male', prefix = '621124'): string {
  serial = (serial + 1) % 500;
  const seq = String(serial * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${prefix}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/** A household payload for POST /api/households: a head, a spouse and a child by default. */
export function householdPayload(regionCode: string, overrides: Record<string, unknown> = {}) {
  const members: PersonInput[] = [
    { name: '张建国', idNumber: makeIdNumber('19750312', 'male'), relation: 'head', labor: 'full' },
    { name: '李秀英', idNumber: makeIdNumber('19780605', 'female'), relation: 'spouse', labor: 'full' },
    {
      name: '张小明',
      idNumber: makeIdNumber('20120901', 'male'),
      relation: 'child',
      labor: 'not_working_age',
      education: 'compulsory',
    },
  ];
  return { regionCode, address: '测试村一组1号', liftedOut: false, members, ...overrides };
}
