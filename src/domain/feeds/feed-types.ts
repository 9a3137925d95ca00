/**
 * Department feed definitions as data (SPEC §10 部门筛查预警): what each department pushes, column by column, so that
 * templates, the importer and (later) screening rules are all derived from one description. Nothing here does I/O.
 */

/**
 * Stable English codes of the 17 departments of 博尔塔拉 §七, and 组织/人社/财政 staffing (SPEC §10 table: 财政供养人员,
 * salaried village cadres).
 */
export type DepartmentCode =
  | 'cyberspace'
  | 'education'
  | 'public_security'
  | 'civil_affairs'
  | 'hr_social_security'
  | 'housing'
  | 'natural_resources'
  | 'water'
  | 'agriculture'
  | 'health'
  | 'emergency'
  | 'medical_insurance'
  | 'central_bank'
  | 'disabled_federation'
  | 'market_supervision'
  | 'statistics'
  | 'agri_machinery'
  | 'staffing';

/**
 * Cell types. `yuan` arrives as integer fen (STYLE: money never in floating point); `date` as 'YYYY-MM-DD';
 * `enum` as the code; `region_code` as a 6-, 9- or 12-digit division code (SPEC §3); `decimal` for areas and mu.
 */
export type FeedColumnType =
  | 'id_number'
  | 'string'
  | 'date'
  | 'yuan'
  | 'integer'
  | 'decimal'
  | 'enum'
  | 'boolean'
  | 'region_code';

/** One column of a department file (SPEC §10: "columns, types, required fields"). */
export interface FeedColumn {
  /** Stable English key of the normalised value. */
  readonly key: string;
  /** Chinese header written in the template. */
  readonly header: string;
  /** Other headers real files use for the same column; matched after normalisation (see header-match). */
  readonly aliases?: readonly string[];
  readonly type: FeedColumnType;
  readonly required: boolean;
  /** For `enum`: Chinese label → code. Several labels may share a code; the code itself is also accepted. */
  readonly enum?: Readonly<Record<string, string>>;
  /** Smallest allowed number for integer/decimal/yuan; yuan and counts default to 0 (no negatives). */
  readonly min?: number;
  /** Unit shown in the template header note and stripped from cells ('天', '亩', '平方米'). */
  readonly unit?: string;
  readonly description: string;
}

/** How a record is joined to the registry by the screening step (SPEC §10: "compares it with the registry by ID"). */
export type FeedMatchKey = 'id_number' | 'region_code' | 'none';

/** One kind of record a department pushes (e.g. 医保住院结算), with its columns. */
export interface FeedRecord {
  /** Stable English code, unique within the department. */
  readonly kind: string;
  /** Chinese name used in titles and messages. */
  readonly name: string;
  readonly matchBy: FeedMatchKey;
  /** The typical signal from SPEC §10, for the screening rules that will read this record. */
  readonly signal: string;
  readonly columns: readonly FeedColumn[];
  /** Pairs of date keys [earlier, later] that must not be reversed (admission before discharge). */
  readonly dateOrder?: readonly (readonly [string, string])[];
}

/** Everything one department pushes (博尔塔拉 §七, SPEC §10). */
export interface FeedDefinition {
  readonly department: DepartmentCode;
  /** Chinese department name as the documents write it. */
  readonly name: string;
  /** Where the content comes from (document and item), so that reviewers can check it. */
  readonly source: string;
  readonly records: readonly FeedRecord[];
}
