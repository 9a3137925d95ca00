import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title with actions on the right. */
export function PageHead({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div className="sx-page-head">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </div>
      {extra}
    </div>
  );
}
