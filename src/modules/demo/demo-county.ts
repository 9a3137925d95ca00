/**
 * The demo county loaded on first start (README: demo data is for trying only). 临洮县 (甘肃省定西市) is the county
 * SPEC §18 quotes; its townships and villages come from the real division codes.
 */
export const DEMO = {
  county: '621124',
  households: 6500,
  seed: 20261123,
  password: 'Demo@2026',
  /** Lines for the demo only; a real county sets its own (SPEC §4.4). */
  lines: [
    { regionCode: '62', year: 2025, amount: 7200, basis: '演示数据：省级监测线示例' },
    { regionCode: '62', year: 2026, amount: 7500, basis: '演示数据：省级监测线示例' },
    { regionCode: '621124', year: 2026, amount: 7500, basis: '演示数据：县级监测线，不低于省级' },
  ],
} as const;

export type DemoUserSpec = {
  username: string;
  role: 'admin' | 'supervisor' | 'county' | 'township' | 'village' | 'department';
  displayName: string;
  /** The department of a department data officer (SPEC §10 feeds). */
  department?: string;
};

export const DEMO_USERS: DemoUserSpec[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员（演示）' },
  { username: 'supervisor', role: 'supervisor', displayName: '州市监管（演示）' },
  { username: 'county', role: 'county', displayName: '县乡村振兴局（演示）' },
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
