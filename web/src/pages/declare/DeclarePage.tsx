import { Alert } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useLocation } from '../../router/history';
import { DeclareDone } from './DeclareDone';
import { DeclareForm } from './DeclareForm';
import { PublicShell } from './PublicShell';

/**
 * `/declare` — 农户自主申报 without an account (SPEC §6 channel 1). `?village=621124100005` (a village's QR code)
 * fills in the village; `?region=621124` (a county's or township's) lets the citizen pick it.
 */
export default function DeclarePage() {
  const { search } = useLocation();
  const { user } = useAuth();
  const [done, setDone] = useState<{ trackingCode: string; message: string }>();
  const village = search.get('village') ?? undefined;
  const region = search.get('region') ?? undefined;
  const badVillage = village !== undefined && !/^\d{12}$/.test(village);
  const onBehalf = user?.role === 'village';

  return (
    <PublicShell title="农户自主申报">
      {done ? (
        <DeclareDone trackingCode={done.trackingCode} message={done.message} />
      ) : (
        <>
          <p className="sx-public-lead">
            家里因病、因灾、因意外或收入下降等遇到困难，可以在这里申报。村里核实后会与您联系，符合条件的及时纳入帮扶。
          </p>
          {badVillage && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="二维码中的村代码有误，请重新选择或输入"
            />
          )}
          {onBehalf && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`您已以村干部（${user?.username}）身份登录，本次为代农户申报`}
            />
          )}
          <DeclareForm
            village={badVillage ? undefined : village}
            pickerRoot={region && /^\d{6,9}$/.test(region) ? region : undefined}
            onBehalf={onBehalf}
            onDone={setDone}
          />
        </>
      )}
    </PublicShell>
  );
}
