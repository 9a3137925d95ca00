import { Card, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { linesApi } from '../../api/lines';
import type { EffectiveLine } from '../../api/types';
import { RegionName } from '../../components/RegionName';
import { currentYear } from '../../domain/format';
import { Link } from '../../router/Link';

/** The monitoring line in force this year for the user's region (SPEC §4.4). */
export function LineCard({ regionCode }: { regionCode: string }) {
  const year = currentYear();
  const [line, setLine] = useState<EffectiveLine>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    linesApi.effective(regionCode, year).then(setLine, (e) => setError(errorMessage(e)));
  }, [regionCode, year]);
  return (
    <Card title={`${year}年监测线`} extra={<Link to="/monitoring-lines">查看详情</Link>}>
      {error ? (
        <Typography.Text type="warning">{error}</Typography.Text>
      ) : (
        <Statistic loading={!line} value={line?.amount ?? 0} suffix="元/人·年" precision={0} />
      )}
      {line && (
        <Typography.Text type="secondary">
          人均纯收入低于此线的农户应纳入监测研判（由 <RegionName code={line.sourceRegionCode} /> 设定）
        </Typography.Text>
      )}
    </Card>
  );
}
