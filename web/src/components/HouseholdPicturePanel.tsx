import { Alert, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type AssessmentMode, assessmentApi, type HouseholdPicture, type PictureRecord } from '../api/assessment';
import { errorMessage } from '../api/client';
import { label, PICTURE_OUTCOME, PROVENANCE_KIND } from '../domain/labels';
import { DECISION, EXCLUSION } from '../domain/procedure-labels';

/** Outcomes a cadre should look at: what decides, and what needs verifying. */
const OUTCOME_COLOR: Record<string, string> = {
  exclusion: 'red',
  reference: 'orange',
  unknown_type: 'orange',
  medical_counted: 'blue',
  income_counted: 'blue',
  death: 'purple',
  missing_amount: 'orange',
};

/** Records grouped by the department that sent them, in the order they first appear (信息比对 per department). */
function byDepartment(records: PictureRecord[]): [string, PictureRecord[]][] {
  const groups = new Map<string, PictureRecord[]>();
  for (const r of records) groups.set(r.departmentName, [...(groups.get(r.departmentName) ?? []), r]);
  return [...groups];
}

function outcomeCounts(records: PictureRecord[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return [...counts];
}

/** Conflicts in which this department's records are a claim. */
const conflictsOf = (picture: HouseholdPicture, departmentName: string) =>
  picture.conflicts.filter((c) => c.claims.some((x) => x.source.departmentName === departmentName)).length;

/** The picture of a household and year (GET /api/households/:id/picture). */
export function useHouseholdPicture(householdId: string, year: number, mode?: AssessmentMode) {
  const [picture, setPicture] = useState<HouseholdPicture>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setPicture(undefined);
    setError(undefined);
    assessmentApi
      .picture(householdId, year, mode)
      .then((p) => live && setPicture(p))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [householdId, year, mode]);
  return { picture, error };
}

/** Whether the rules' outcome says the procedure of this kind cannot succeed (issue 9: early warning). */
export function blocksProcedure(decision: string | undefined, mode: AssessmentMode): boolean {
  if (!decision) return false;
  return mode === 'identification'
    ? decision === 'no_risk' || decision === 'exclude'
    : decision === 'continue' || decision === 'keep_monitoring';
}

/**
 * 家庭情况 (SPEC §7.4): the facts the rules used, each with where it came from (基础数据库, 入户调查, a department's record
 * with its period and date), the department records with what became of each, and the conflicts between sources the
 * cadre must verify (核实说明) before a decision step completes.
 */
export function HouseholdPictureView({ picture }: { picture: HouseholdPicture }) {
  return (
    <div data-testid="household-picture">
      {picture.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`数据不一致${picture.conflicts.length}处，须核实并在决定时填写核实说明`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {picture.conflicts.map((c) => (
                <li key={c.key}>{c.text}</li>
              ))}
            </ul>
          }
        />
      )}
      <List
        size="small"
        bordered
        style={{ marginBottom: 12 }}
        header={<strong>研判所用事实及来源（{picture.year}年）</strong>}
        dataSource={picture.facts}
        rowKey={(f) => f.key}
        locale={{ emptyText: '无' }}
        renderItem={(f) => (
          <List.Item>
            <div>
              <strong>{f.label}</strong>：
              {typeof f.value === 'boolean' ? (f.value ? '是' : '否') : String(f.value ?? '无')}
              {f.sources.map((s) => (
                <div key={s.text} className="sx-muted">
                  <Tag>{label(PROVENANCE_KIND, s.kind)}</Tag>
                  {s.text}
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
      <div data-testid="compare-departments">
        <strong>部门信息比对（{picture.records.length}条记录）</strong>
        {picture.records.length === 0 && <p className="sx-muted">部门数据中未发现该户成员的记录</p>}
        {byDepartment(picture.records).map(([name, records]) => (
          <div key={name} data-testid="compare-department">
            <List
              size="small"
              bordered
              style={{ marginTop: 8 }}
              header={
                <div>
                  <strong>{name}</strong>：比对{records.length}条记录
                  {outcomeCounts(records).map(([outcome, n]) => (
                    <Tag key={outcome} color={OUTCOME_COLOR[outcome]} style={{ marginInlineStart: 8 }}>
                      {label(PICTURE_OUTCOME, outcome)}
                      {n}条
                    </Tag>
                  ))}
                  {conflictsOf(picture, name) > 0 && (
                    <Tag color="warning" style={{ marginInlineStart: 8 }}>
                      与其他来源不一致{conflictsOf(picture, name)}处
                    </Tag>
                  )}
                </div>
              }
              dataSource={records}
              rowKey={(r) => r.recordId}
              renderItem={(r) => (
                <List.Item>
                  <div style={{ overflowWrap: 'anywhere' }}>
                    <Tag color={OUTCOME_COLOR[r.outcome]}>{label(PICTURE_OUTCOME, r.outcome)}</Tag>
                    {r.exclusionItem ? (
                      <Tag>
                        第{r.exclusionItem}类：{EXCLUSION[r.exclusionItem] ?? ''}
                      </Tag>
                    ) : null}
                    {r.text}
                  </div>
                </List.Item>
              )}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * Early warning inside a procedure (issue 9 point 5): from the first step, the rules' current outcome on the
 * household picture; when it says the household does not qualify, shown prominently so nobody runs six steps to a
 * refusal that could have been seen.
 */
export function CaseEarlyWarning({
  householdId,
  mode,
  year,
}: {
  householdId: string;
  mode: AssessmentMode;
  year: number;
}) {
  const { picture, error } = useHouseholdPicture(householdId, year, mode);
  if (error) return <Alert type="info" showIcon title={`暂无法研判：${error}`} />;
  if (!picture) return null;
  const a = picture.assessment;
  if (!a) return <Alert type="info" showIcon title={picture.problems.join('；') || '暂无法研判'} />;
  const blocked = blocksProcedure(a.decision, mode);
  const why = a.reasons
    .filter((r) => !/below_threshold|unknown|not_applicable|\.none$|at_or_above_line|consent/.test(r.rule))
    .slice(0, 3)
    .map((r) => r.text)
    .join('；');
  return (
    <Alert
      data-testid="case-early-warning"
      type={blocked ? 'error' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span>
          按{picture.year}年家庭情况，当前研判结论：<strong>{label(DECISION, a.decision)}</strong>
          {blocked ? (mode === 'identification' ? '——该户目前不符合纳入条件' : '——该户目前不符合风险消除条件') : ''}
          {picture.conflicts.length > 0 ? `（数据不一致${picture.conflicts.length}处待核实）` : ''}
        </span>
      }
      description={why || undefined}
    />
  );
}

/**
 * 部门信息比对 as a step of the procedure (会泽 step 4, 博尔塔拉 比对, 枣庄 信息比对): what the departments' imported records
 * say about this household, generated by the platform; an uploaded department reply is optional there.
 */
export function ComparePanel({ householdId, mode, year }: { householdId: string; mode: AssessmentMode; year: number }) {
  const { picture, error } = useHouseholdPicture(householdId, year, mode);
  if (error) return <Alert type="info" showIcon title={`暂无法生成比对结果：${error}`} />;
  if (!picture) return null;
  return <HouseholdPictureView picture={picture} />;
}
