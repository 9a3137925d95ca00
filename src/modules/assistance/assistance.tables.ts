import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of migration 0005 (SPEC §9), merged into the shared `DB` interface by module augmentation so that
 * `src/db/schema.ts` stays the foundation's file.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Money = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Json = ColumnType<unknown, string, string>;

export type MeasureStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';
export type MeasureOrigin = 'accepted' | 'changed' | 'added' | 'backstop';
export type BackstopKind = 'dibao' | 'tekun';
export type ProposalStatus = 'proposed' | 'approved' | 'rejected';

export interface MeasuresTable {
  id: Generated<string>;
  household_id: string;
  region_code: string;
  type: string;
  subtype: string;
  name: string;
  line_of_defence: 'development' | 'protective' | 'spiritual';
  answers_risks: Generated<string[]>;
  content: string;
  department: string;
  responsible_person: string | null;
  start_on: string | null;
  planned_end_on: string | null;
  amount: Money;
  fund_source: string | null;
  status: Generated<MeasureStatus>;
  result: string | null;
  finished_on: string | null;
  origin: MeasureOrigin;
  suggestion_rule: string | null;
  suggestion_reason: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureProgressTable {
  id: Generated<number>;
  measure_id: string;
  region_code: string;
  noted_on: string;
  note: string;
  status_after: MeasureStatus;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ResponsibleAssignmentsTable {
  id: Generated<number>;
  household_id: string;
  region_code: string;
  name: string;
  phone: string;
  unit: string;
  assigned_on: string;
  due_on: string | null;
  assigned_by: string;
  assigned_at: Timestamp;
}

export interface EffectivenessReviewsTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  meeting_date: string;
  attendees: string[];
  minutes: string;
  created_by: string;
  created_at: Timestamp;
}

export interface EffectivenessReviewHouseholdsTable {
  id: Generated<string>;
  review_id: string;
  household_id: string;
  region_code: string;
  judgement: Json;
  outcome: 'start_elimination' | 'continue_assistance' | 'keep_monitoring';
  reasons: Json;
  follow_ups: Json;
  findings: Json;
  case_id: string | null;
  clue_id: string | null;
  reviewed_by: string;
  reviewed_at: Timestamp;
}

export interface BackstopProposalsTable {
  id: Generated<string>;
  household_id: string;
  region_code: string;
  kind: BackstopKind;
  reason: string;
  status: Generated<ProposalStatus>;
  granted_kind: BackstopKind | null;
  decided_on: string | null;
  decision_note: string | null;
  decided_by_name: string | null;
  decided_via: 'decision' | 'feed_match' | null;
  measure_id: string | null;
  proposed_by: string;
  proposed_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface DB {
    measures: MeasuresTable;
    measure_progress: MeasureProgressTable;
    responsible_assignments: ResponsibleAssignmentsTable;
    effectiveness_reviews: EffectivenessReviewsTable;
    effectiveness_review_households: EffectivenessReviewHouseholdsTable;
    backstop_proposals: BackstopProposalsTable;
  }
}
