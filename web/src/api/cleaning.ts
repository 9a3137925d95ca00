import { api } from './client';
import type { Page } from './types';

/** Shapes of the data-cleaning API (src/modules/cleaning, SPEC §17). */
export interface CleaningRunResult {
  runId: string;
  region: string;
  year: number;
  problems: number;
  /** Problems found per rule; `ID_CHECKS` counts both ID-number rules together. */
  byRule: Record<string, number>;
}

export interface CleaningProblem {
  id: number | string;
  ruleCode: string;
  regionCode: string;
  householdId: string | null;
  householdCode: string | null;
  personId: string | null;
  reason: string;
  /** The record the rule looked at: a person (name, masked ID, birth date …) or a household's income year. */
  details: Record<string, unknown>;
  foundAt: string;
}

export interface CleaningProblemPage extends Page<CleaningProblem> {
  byRule: { ruleCode: string; name: string; count: number }[];
  lastRun: {
    id: string;
    regionCode: string;
    year: number;
    problems: number;
    startedBy: string;
    finishedAt: string;
  } | null;
}

export interface ProblemQuery {
  region?: string;
  rule?: string;
  page?: number;
  pageSize?: number;
}

export const cleaningApi = {
  run: (body: { region?: string; year?: number }) => api.post<CleaningRunResult>('/api/cleaning/runs', body),
  problems: (q: ProblemQuery) => api.get<CleaningProblemPage>('/api/cleaning/problems', { ...q }),
};
