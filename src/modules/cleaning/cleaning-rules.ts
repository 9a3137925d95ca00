import { type RawBuilder, sql } from 'kysely';

/**
 * 数据清洗 rules over the registry (SPEC §17), each one set-based SELECT yielding problems as
 * (region_code, household_id, person_id, reason, details). The ID-number checks need the plain number and run in
 * check-id-numbers.ts instead (decrypting in batches). `scope` is a region-code prefix; `year` the income year checked.
 */
export interface CleaningRule {
  code: string;
  name: string;
  select(scope: string, year: number): RawBuilder<unknown>;
}

const like = (scope: string) => `${scope.replace(/[%_\\]/g, '')}%`;

const person = sql`jsonb_build_object('name', p.name, 'idNumberMasked', p.id_number_masked, 'birthYear', p.birth_year,
  'relation', p.relation, 'status', p.status)`;

const net = sql`(i.wage + i.business_gross - i.business_cost + i.property + i.transfer)`;

export const CLEANING_RULES: CleaningRule[] = [
  {
    code: 'DUPLICATE_PERSON',
    name: '疑似一人登记在两户',
    // The ID number is unique by constraint, so one person in two households shows as the same name, birth year and
    // sex under two different ID numbers: suspected duplicates for a person to check. Only the birth year is stored in
    // plain text (SPEC §17, migration 0040), so this casts a slightly wider net than the full birth date did.
    select: (scope) => sql`WITH d AS (
        SELECT name, birth_year, sex, count(DISTINCT household_id) AS households FROM persons
        WHERE region_code LIKE ${like(scope)} AND status <> 'deceased'
        GROUP BY name, birth_year, sex HAVING count(DISTINCT household_id) > 1)
      SELECT p.region_code, p.household_id, p.id AS person_id,
        '疑似重复登记：同名、同性别、同出生年份的人员登记在' || d.households || '个户中' AS reason, ${person} AS details
      FROM persons p JOIN d ON d.name = p.name AND d.birth_year = p.birth_year AND d.sex = p.sex
      WHERE p.region_code LIKE ${like(scope)} AND p.status <> 'deceased'`,
  },
  {
    code: 'DECEASED_HEAD',
    name: '已死亡人员仍为户主',
    select: (scope) => sql`SELECT p.region_code, p.household_id, p.id AS person_id,
        '已死亡人员仍登记为户主，请变更户主' AS reason, ${person} AS details
      FROM persons p
      WHERE p.region_code LIKE ${like(scope)} AND p.status = 'deceased'
        AND (p.relation = 'head' OR EXISTS (SELECT 1 FROM households h WHERE h.head_person_id = p.id))`,
  },
  {
    code: 'DEATH_RECORD_MEMBER',
    name: '公安死亡注销人员仍为正常成员',
    select: (scope) => sql`SELECT DISTINCT ON (p.id) p.region_code, p.household_id, p.id AS person_id,
        '公安户籍数据显示已死亡注销（' || coalesce(r.data ->> 'changeDate', r.period) || '），基础数据库中仍为正常成员'
          AS reason, ${person} || jsonb_build_object('feedRecordId', r.id) AS details
      FROM feed_records r JOIN persons p ON p.id_number_hash = r.id_number_hash
      WHERE r.department = 'public_security' AND r.record_kind = 'register_change' AND r.data ->> 'changeType' = 'death'
        AND p.region_code LIKE ${like(scope)} AND p.status = 'normal'
      ORDER BY p.id, r.id DESC`,
  },
  {
    code: 'NO_HEAD',
    name: '无户主或户主不唯一',
    select: (scope) => sql`SELECT h.region_code, h.id AS household_id, NULL::uuid AS person_id,
        CASE WHEN c.heads = 0 THEN '户内没有户主' WHEN c.heads > 1 THEN '户内有' || c.heads || '名户主'
          ELSE '户主登记与成员关系不一致' END AS reason,
        jsonb_build_object('code', h.code, 'heads', c.heads) AS details
      FROM households h
      CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE relation = 'head') AS heads,
        bool_or(id = h.head_person_id AND relation = 'head') AS head_ok FROM persons WHERE household_id = h.id) c
      WHERE h.region_code LIKE ${like(scope)} AND (c.heads <> 1 OR h.head_person_id IS NULL OR NOT coalesce(c.head_ok, false))`,
  },
  {
    code: 'IMPOSSIBLE_RELATION',
    name: '家庭关系与年龄不符',
    select: (scope) => sql`SELECT m.region_code, m.household_id, m.id AS person_id,
        CASE
          WHEN m.relation IN ('child', 'grandchild') AND m.birth_year <= hd.birth_year THEN '子女（孙子女）年龄不小于户主'
          WHEN m.relation IN ('parent', 'grandparent') AND m.birth_year >= hd.birth_year THEN '父母（祖父母）年龄不大于户主'
          ELSE '子女年龄大于户主的父母' END AS reason,
        jsonb_build_object('name', m.name, 'relation', m.relation, 'birthYear', m.birth_year,
          'headBirthYear', hd.birth_year) AS details
      FROM persons m
      JOIN persons hd ON hd.household_id = m.household_id AND hd.relation = 'head' AND hd.id <> m.id
      WHERE m.region_code LIKE ${like(scope)} AND (
        (m.relation IN ('child', 'grandchild') AND m.birth_year <= hd.birth_year)
        OR (m.relation IN ('parent', 'grandparent') AND m.birth_year >= hd.birth_year)
        OR (m.relation = 'child' AND EXISTS (SELECT 1 FROM persons pa WHERE pa.household_id = m.household_id
              AND pa.relation = 'parent' AND pa.birth_year >= m.birth_year)))`,
  },
  {
    code: 'INCOME_MISSING',
    name: '缺少上年度收入记录',
    select: (scope, year) => sql`SELECT h.region_code, h.id AS household_id, NULL::uuid AS person_id,
        '缺少' || ${year}::int || '年度收支记录' AS reason, jsonb_build_object('code', h.code, 'year', ${year}::int) AS details
      FROM households h
      WHERE h.region_code LIKE ${like(scope)}
        AND NOT EXISTS (SELECT 1 FROM household_incomes i WHERE i.household_id = h.id AND i.year = ${year}::int)`,
  },
  {
    code: 'INCOME_NEGATIVE',
    name: '家庭纯收入为负',
    select: (scope, year) => sql`SELECT i.region_code, i.household_id, NULL::uuid AS person_id,
        ${year}::int || '年度家庭纯收入为负（' || ${net} || '元），请核实生产经营费用' AS reason,
        jsonb_build_object('year', i.year, 'survey', i.survey, 'netIncome', ${net}) AS details
      FROM household_incomes i
      WHERE i.region_code LIKE ${like(scope)} AND i.year = ${year}::int AND ${net} < 0`,
  },
  {
    code: 'PER_CAPITA_MISMATCH',
    name: '人均收入计算人数与家庭成员不符',
    select: (scope, year) => sql`SELECT i.region_code, i.household_id, NULL::uuid AS person_id,
        ${year}::int || '年度收入按' || i.member_count || '人计算人均，现共同生活成员为' || m.members || '人' AS reason,
        jsonb_build_object('year', i.year, 'survey', i.survey, 'memberCount', i.member_count, 'members', m.members)
          AS details
      FROM household_incomes i
      CROSS JOIN LATERAL (SELECT count(*) AS members FROM persons p
        WHERE p.household_id = i.household_id AND p.status = 'normal') m
      WHERE i.region_code LIKE ${like(scope)} AND i.year = ${year}::int AND i.member_count <> m.members`,
  },
];
