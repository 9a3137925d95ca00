import type { ReactNode } from 'react';
import { Link } from '../../router/Link';

/** The citizen's pages: no menu, no login, readable on a phone (SPEC §6 channel 1). */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="sx-public">
      <header className="sx-public-header">
        <span className="sx-brand-mark">守</span>
        <div>
          <div className="sx-public-title">{title}</div>
          <div className="sx-public-sub">防止返贫动态监测和帮扶</div>
        </div>
      </header>
      <main className="sx-public-main">{children}</main>
      <footer className="sx-public-footer">
        <div>您填写的信息只用于防止返贫监测和帮扶，身份证号加密保存。</div>
        <div>
          <Link to="/declare">我要申报</Link> · <Link to="/declare/status">查询办理进度</Link> ·{' '}
          <Link to="/relief">申请救助</Link> · <Link to="/relief/status">救助进度</Link>
        </div>
      </footer>
    </div>
  );
}
