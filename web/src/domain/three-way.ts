/**
 * A form's values against a record changed meanwhile (issue 14 point 3: never overwrite silently). `base` is what the
 * user read, `mine` what they typed, `theirs` the record now. A field changed by one side only takes that side's value;
 * a field changed by both to different values is a conflict the user decides. Values compare by their JSON text.
 */
export interface FieldConflict<K extends string> {
  field: K;
  mine: unknown;
  theirs: unknown;
}

export interface ThreeWay<T, K extends string> {
  /** Every field's value: one side's change, or mine where the field is in conflict (until the user chooses). */
  merged: T;
  conflicts: FieldConflict<K>[];
  /** Fields only someone else changed: the form takes their value, and says so. */
  theirsOnly: K[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function threeWay<T extends Record<K, unknown>, K extends string>(
  base: T,
  mine: T,
  theirs: T,
  fields: readonly K[],
): ThreeWay<T, K> {
  const merged = { ...mine };
  const conflicts: FieldConflict<K>[] = [];
  const theirsOnly: K[] = [];
  for (const f of fields) {
    const mineChanged = !same(mine[f], base[f]);
    const theirsChanged = !same(theirs[f], base[f]);
    if (!theirsChanged) continue;
    if (!mineChanged) {
      merged[f] = theirs[f];
      theirsOnly.push(f);
    } else if (!same(mine[f], theirs[f])) conflicts.push({ field: f, mine: mine[f], theirs: theirs[f] });
  }
  return { merged, conflicts, theirsOnly };
}
