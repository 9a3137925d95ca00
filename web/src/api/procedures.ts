import type { ProcedureKind, ProcedureTemplate, StepLevel } from './cases';
import { api } from './client';

/** Templates per region and the monthly cycle (src/modules/cases/procedures-config.routes.ts; SPEC §8.1, §8.2). */
export interface TemplateList {
  inUse: { inclusion: ProcedureTemplate; elimination: ProcedureTemplate };
  shipped: ProcedureTemplate[];
  adaptations: {
    regionCode: string;
    code: string;
    version: number;
    kind: ProcedureKind;
    setBy: string;
    setAt: string;
  }[];
}

export interface CycleStep {
  stepIndex: number;
  stepCode: string;
  stepName: string;
  level: StepLevel;
  due: string;
  onDayOff: boolean;
  publicity?: { days: number; unit: 'working' | 'calendar'; latestStart: string; fitsAfterPreviousStep: boolean };
}

export type MonthlyCycle =
  | {
      skipped: false;
      month: string;
      templateCode: string;
      templateVersion: number;
      steps: CycleStep[];
      uncertain: boolean;
      missingYears: number[];
    }
  | { skipped: true; month: string; reason: string; message: string };

export interface LateItem {
  id: string;
  stepCode: string;
  stepName: string;
  level: StepLevel;
  due: string;
  kind: 'overdue' | 'completed_late';
  daysLate: number;
  visibleTo: string[];
  regionCode?: string;
}

export interface CycleReport {
  cycle: MonthlyCycle;
  late: LateItem[];
  byLevel?: Record<StepLevel, LateItem[]>;
  visibleToYou: LateItem[];
  calendarAlert?: CalendarAlert;
}

/** Years to load and open cases working on estimated dates (issue 10 point 6). */
export interface CalendarAlert {
  missingYears: number[];
  estimatedCases: number;
  message: string | null;
}

export interface CalendarYear {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
}

export const proceduresApi = {
  calendars: () => api.get<CalendarYear[]>('/api/calendars'),
  calendarAlert: () => api.get<CalendarAlert>('/api/calendars/alert'),
  loadCalendar: (text: string) =>
    api.post<{ year: number; holidays: number; workdays: number; recomputedCases: number }>('/api/calendars', {
      text,
    }),
  templates: (region: string) => api.get<TemplateList>('/api/procedure-templates', { region }),
  choose: (regionCode: string, kind: ProcedureKind, code: string) =>
    api.put<ProcedureTemplate>('/api/procedure-templates/choice', { regionCode, kind, code }),
  cycle: (month: string, region?: string) => api.get<CycleReport>(`/api/cycle/${month}`, { region }),
};
