import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { type CalendarAlert as Alerting, proceduresApi } from '../api/procedures';
import { Link } from '../router/Link';

/**
 * 节假日安排提醒 (issue 10 point 6): a year without its official holiday calendar never blocks work — its dates are
 * estimated (weekends only) and marked — but until an admin loads the State Council notice this alert stays on the
 * dashboard, the monthly cycle and the calendar page.
 */
export function CalendarAlert({ alert: given }: { alert?: Alerting }) {
  const [fetched, setFetched] = useState<Alerting>();
  useEffect(() => {
    if (given) return;
    proceduresApi.calendarAlert().then(setFetched, () => undefined);
  }, [given]);
  const a = given ?? fetched;
  if (!a?.message) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="calendar-alert"
      title={a.message}
      description={
        <span>
          {a.estimatedCases > 0 ? `有${a.estimatedCases}件在办程序的公示截止日期为估算；` : ''}
          导入后自动重算。<Link to="/calendars">前往节假日安排</Link>
        </span>
      }
    />
  );
}
