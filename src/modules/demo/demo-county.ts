import type { Role } from '../../db/schema.ts';

/**
 * The demo county loaded on first start (README: demo data is for trying only). 临洮县 (甘肃省定西市) is the county
 * SPEC §18 quotes; its townships and villages come from the real division codes.
 */
export const DEMO = {
  county: '621124',
  households: 6500,
  seed: 20261123,
  password: 'Demo@2026',
  /**
   * Share of households given a year of history (demo-history.ts): about three in four of them end up monitored or
   * eliminated (with 0.035: about 2% of households monitored). Each inclusion runs the full procedure through the services, so this sets the first start's time.
   */
  historyShare: 0.035,
  /**
   * What a 2026 county uses (issue 10 point 3): publicity once, in the village, for 5 working days. The demo's
   * 会泽 templates already publicise only in the village for 5 working days, so its cases run as before; the
   * setting makes the rule explicit and governs any template the county later chooses.
   */
  publicity: { mode: 'village_only', villageDays: 5 },
  /** Lines for the demo only; a real county sets its own (SPEC §4.4). */
  lines: [
    { regionCode: '62', year: 2025, amount: 7200, basis: '演示数据：省级监测线示例' },
    { regionCode: '62', year: 2026, amount: 7500, basis: '演示数据：省级监测线示例' },
    { regionCode: '621124', year: 2026, amount: 7500, basis: '演示数据：县级监测线，不低于省级' },
  ],
} as const;

export type DemoUserSpec = {
  username: string;
  role: Role;
  displayName: string;
  /** The department of a department data officer (SPEC §10 feeds). */
  department?: string;
};

export const DEMO_USERS: DemoUserSpec[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员（演示）' },
  // 三员分立 (issue 11 point 3): accounts and roles; the audit log. Neither sees monitoring data.
  { username: 'security', role: 'security_admin', displayName: '安全管理员（演示）' },
  { username: 'auditor', role: 'audit_admin', displayName: '审计管理员（演示）' },
  { username: 'supervisor', role: 'supervisor', displayName: '州市监管（演示）' },
  { username: 'county', role: 'county', displayName: '县乡村振兴局（演示）' },
  // The county's assistance-fund project officers (issue 15, docs/decisions/0036): they keep the project library; the
  // second requests the asset transfer waiting in the demo, so that the first can approve it (never one's own).
  { username: 'project', role: 'project_officer', displayName: '县乡村振兴局项目管理员（演示）' },
  { username: 'project2', role: 'project_officer', displayName: '县乡村振兴局资产管理员（演示）' },
  { username: 'township', role: 'township', displayName: '乡镇干部（演示）' },
  { username: 'village', role: 'village', displayName: '村干部（演示）' },
  {
    username: 'department',
    role: 'department',
    displayName: '县医保局数据员（演示）',
    department: 'medical_insurance',
  },
  // Civil affairs imports 低保/特困 recipients and decides the backstop proposals (SPEC §9, §10).
  { username: 'civil', role: 'department', displayName: '县民政局数据员（演示）', department: 'civil_affairs' },
];
