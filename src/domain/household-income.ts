import { divideFen, type Fen, sumFen, toFen } from './money.ts';

/**
 * 收入支出 (SPEC §4.3). Family net income = wage + net business (gross − production costs) + property + transfer;
 * per-capita net income = family net income ÷ co-living members (only `normal` members count, SPEC §7.2 item 9).
 */
export interface IncomeFigures {
  wage: string | number;
  businessGross: string | number;
  businessCost: string | number;
  property: string | number;
  transfer: string | number;
}

export type MemberStatus = 'normal' | 'deceased' | 'imprisoned' | 'missing' | 'not_sharing';

export const countedMembers = (members: { status: MemberStatus | string }[]) =>
  members.filter((m) => m.status === 'normal').length;

export function familyNetIncome(f: IncomeFigures): Fen {
  return sumFen(toFen(f.wage), toFen(f.businessGross) - toFen(f.businessCost), toFen(f.property), toFen(f.transfer));
}

/** null when the household has no counted member: a per-capita figure would be meaningless. */
export function perCapitaNetIncome(net: Fen, members: number): Fen | null {
  return members > 0 ? divideFen(net, members) : null;
}
