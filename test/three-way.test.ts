import { describe, expect, it } from 'vitest';
import { threeWay } from '../web/src/domain/three-way.ts';

/** The online edit form against a household changed meanwhile (issue 14 point 3: never overwrite silently). */
describe('three-way merge of a form', () => {
  const fields = ['address', 'liftedOut', 'headPersonId'] as const;
  const base = { address: '一组12号', liftedOut: true, headPersonId: 'a' };

  it('keeps my change where nobody else changed the field, and takes theirs where only they did', () => {
    const r = threeWay(base, { ...base, address: '二组3号' }, { ...base, headPersonId: 'b' }, fields);
    expect(r.merged).toEqual({ address: '二组3号', liftedOut: true, headPersonId: 'b' });
    expect(r.conflicts).toEqual([]);
    expect(r.theirsOnly).toEqual(['headPersonId']);
  });

  it('names a field both changed to different values as a conflict, keeping mine until chosen', () => {
    const r = threeWay(base, { ...base, address: '二组3号' }, { ...base, address: '三组8号' }, fields);
    expect(r.conflicts).toEqual([{ field: 'address', mine: '二组3号', theirs: '三组8号' }]);
    expect(r.merged.address).toBe('二组3号');
  });

  it('is no conflict when both made the same change, or nobody changed anything', () => {
    expect(threeWay(base, { ...base, liftedOut: false }, { ...base, liftedOut: false }, fields).conflicts).toEqual([]);
    expect(threeWay(base, base, base, fields)).toEqual({ merged: base, conflicts: [], theirsOnly: [] });
  });

  it('treats a missing value and null alike', () => {
    const withNull = { address: null as string | null, liftedOut: true, headPersonId: 'a' };
    const r = threeWay(withNull, { ...withNull }, { ...withNull, address: undefined as unknown as null }, fields);
    expect(r.conflicts).toEqual([]);
    expect(r.theirsOnly).toEqual([]);
  });
});
