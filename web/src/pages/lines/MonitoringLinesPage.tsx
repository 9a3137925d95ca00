import { Col, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useAuth, useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { can } from '../../domain/permissions';
import { EffectiveLineCard } from './EffectiveLineCard';
import { LineHistoryCard } from './LineHistoryCard';
import { SetLineCard } from './SetLineCard';

/** 监测线 (SPEC §4.4): the line in force, its history per level, and setting a new one (county, admin). */
export default function MonitoringLinesPage() {
  const user = useUser();
  const { scopePath } = useAuth();
  const [changes, setChanges] = useState(0);
  const own = scopePath[scopePath.length - 1];
  const canSet = can(user, 'lines.write') && own !== undefined && own.level <= 3;

  return (
    <>
      <PageHead title="监测线">
        <Typography.Text type="secondary">
          人均纯收入监测线按年度设定，省、州市、县逐级设定并向下继承；下级只能从严（不低于上级），不能放宽。
        </Typography.Text>
      </PageHead>
      {scopePath.length === 0 ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={canSet ? 14 : 24}>
            <EffectiveLineCard regions={scopePath} refreshKey={changes} />
          </Col>
          {canSet && (
            <Col xs={24} xl={10}>
              <SetLineCard region={own} onSaved={() => setChanges((c) => c + 1)} />
            </Col>
          )}
          <Col span={24}>
            <LineHistoryCard regions={scopePath} refreshKey={changes} />
          </Col>
        </Row>
      )}
    </>
  );
}
