import { api } from './client';

/** A row of a task list on the cadre's home: the record it opens and its household. */
export interface WorkItem {
  id: string;
  householdId: string | null;
  householdCode: string | null;
  headName: string | null;
  persons: number;
  dueOn: string | null;
  what: string;
}

export interface WorkList {
  households: number;
  persons: number;
  count: number;
  overdue: number;
  items: WorkItem[];
}

export interface Today {
  today: string;
  visitsDue: WorkList;
  cluesToVerify: WorkList;
  casesWaiting: WorkList;
  publicityEnding: WorkList;
  measuresDue: WorkList;
  withoutResponsible: WorkList;
}

export const workbenchApi = {
  today: () => api.get<Today>('/api/workbench/today'),
};
