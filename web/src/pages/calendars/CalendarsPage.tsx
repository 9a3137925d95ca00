import { Alert, App, Button, Card, Input, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type CalendarYear, proceduresApi } from '../../api/procedures';
import { useUser } from '../../app/auth';
import { CalendarAlert } from '../../components/CalendarAlert';
import { PageHead } from '../../components/PageHead';
import { can } from '../../domain/permissions';

const EXAMPLE = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：……放假调休，共N天。……上班。`;

/**
 * 节假日安排 (SPEC §8.1, issue 10 point 6): the years with an official calendar, the alert for a missing year, and
 * for the administrator a box to paste the State Council notice as published; loading recomputes open cases.
 */
export default function CalendarsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [years, setYears] = useState<CalendarYear[]>();
  const [error, setError] = useState<string>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const admin = can(user, 'system.manage');

  const load = useCallback(() => {
    proceduresApi.calendars().then(setYears, (e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const submit = async () => {
    setBusy(true);
    try {
      const r = await proceduresApi.loadCalendar(text);
      message.success(
        `已导入${r.year}年节假日安排（放假${r.holidays}天、调休上班${r.workdays}天），重算在办程序${r.recomputedCases}件`,
      );
      setText('');
      setVersion((v) => v + 1);
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title="节假日安排">
        <span className="sx-muted">公示期、办理时限按工作日计算，以国务院办公厅公布的节假日和调休安排为准</span>
      </PageHead>
      <CalendarAlert key={version} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          closable
          onClose={() => setError(undefined)}
        />
      )}
      {admin && (
        <Card size="small" title="导入年度节假日安排" style={{ marginBottom: 16 }}>
          <p className="sx-muted">
            将国务院办公厅《关于YYYY年部分节假日安排的通知》的标题和各节日条目原文粘贴到下面（每个节日一行）。
          </p>
          <Input.TextArea
            rows={8}
            value={text}
            placeholder={EXAMPLE}
            onChange={(e) => setText(e.target.value)}
            data-testid="calendar-text"
          />
          <Button type="primary" style={{ marginTop: 12 }} loading={busy} disabled={!text.trim()} onClick={submit}>
            导入
          </Button>
        </Card>
      )}
      <Card size="small" title="已有年份">
        <Table<CalendarYear>
          size="small"
          rowKey="year"
          loading={!years && !error}
          dataSource={[...(years ?? [])].reverse()}
          pagination={{ pageSize: 10 }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '年份', dataIndex: 'year', width: 80 },
            { title: '放假天数', dataIndex: 'holidays', width: 100 },
            { title: '调休上班', dataIndex: 'workdays', width: 100 },
            {
              title: '来源',
              dataIndex: 'source',
              // the bundled calendar is named for the user, not by its package name
              render: (v: string) => (v.startsWith('chinese-days') ? '随系统提供的国务院节假日安排' : v),
            },
          ]}
        />
      </Card>
    </>
  );
}
