import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { HouseholdCard, HouseholdCards } from '../../api/assistance';
import { label, RELATION } from '../../domain/labels';

/**
 * The QR code of a card opens the household file in the platform — for logged-in users only (the file asks for a
 * login, and scope applies). It holds the address of the page, no personal data.
 */
function FileCode({ householdId }: { householdId: string }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toString(`${window.location.origin}/households/${householdId}`, { type: 'svg', margin: 0, width: 96 }).then(
      (s) => live && setSvg(s),
      () => live && setSvg(undefined),
    );
    return () => {
      live = false;
    };
  }, [householdId]);
  if (!svg) return null;
  // The SVG is made here by the qrcode library from our own URL, not taken from a user.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the QR library's SVG of the platform's own address
  return <div className="sx-card-qr" data-testid="card-qr" dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** One 明白卡 (SPEC §16): one page, kept by the household. */
export function HouseholdCardView({ card, meta }: { card: HouseholdCard; meta: Omit<HouseholdCards, 'cards'> }) {
  return (
    <article className="sx-card" data-testid="household-card" data-household={card.householdCode}>
      <header className="sx-card-head">
        <div>
          <h2 className="sx-card-title">{meta.title}</h2>
          <div className="sx-muted">
            {card.regionPath} · 户编号 {card.householdCode}
          </div>
        </div>
        <FileCode householdId={card.householdId} />
      </header>
      <table className="sx-card-table">
        <tbody>
          <tr>
            <th>户主</th>
            <td>{card.headName ?? '—'}</td>
            <th>家庭人口</th>
            <td>{card.members.length}人</td>
          </tr>
          <tr>
            <th>家庭成员</th>
            <td colSpan={3}>{card.members.map((m) => `${m.name}（${label(RELATION, m.relation)}）`).join('、')}</td>
          </tr>
          <tr>
            <th>住址</th>
            <td colSpan={3}>{card.address || '—'}</td>
          </tr>
          <tr>
            <th>监测类别</th>
            <td>{card.monitored ? (card.categoryName ?? '—') : '非监测对象'}</td>
            <th>纳入时间</th>
            <td>{card.includedOn ?? '—'}</td>
          </tr>
          <tr>
            <th>风险类型</th>
            <td colSpan={3}>{card.riskNames.length ? card.riskNames.join('、') : '—'}</td>
          </tr>
          <tr>
            <th>帮扶责任人</th>
            <td colSpan={3}>
              {card.responsible
                ? `${card.responsible.name}${card.responsible.unit ? `（${card.responsible.unit}）` : ''}　电话：${
                    card.responsible.phone ?? '—'
                  }`
                : '尚未指定'}
            </td>
          </tr>
        </tbody>
      </table>
      <h3 className="sx-card-section">帮扶措施</h3>
      {card.measures.length ? (
        <ol className="sx-card-list">
          {card.measures.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a card's measures have no id of their own here
            <li key={i}>
              {m.name}（{m.departmentName}，{m.statusName}）
            </li>
          ))}
        </ol>
      ) : (
        <p>尚未落实帮扶措施。</p>
      )}
      <h3 className="sx-card-section">可以享受的政策</h3>
      {card.policies.length ? (
        <ol className="sx-card-list">
          {card.policies.map((p) => (
            <li key={p.name}>
              {p.name}（{p.departmentName}）
            </li>
          ))}
        </ol>
      ) : (
        <p>—</p>
      )}
      <footer className="sx-card-foot">
        遇到困难请及时联系帮扶责任人或村委会，也可拨打防止返贫监测帮扶咨询电话 <strong>{meta.hotline}</strong>。
        <span className="sx-muted">　制卡日期：{meta.generatedOn}</span>
      </footer>
    </article>
  );
}
