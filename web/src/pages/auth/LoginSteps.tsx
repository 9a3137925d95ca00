import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { authApi } from '../../api/auth';
import type { CurrentUser } from '../../api/types';
import { FormError } from '../../components/FormError';

type Step = NonNullable<CurrentUser['pending']>;

/**
 * The steps between a correct password and a usable session (issue 11): the TOTP code (or a recovery code), setting
 * up TOTP for the roles that need it, and changing an initial or expired password. `done` is called when none is left.
 */
export function LoginSteps({ step, done }: { step: Step; done: () => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [setup, setSetup] = useState<{ secret: string; uri: string }>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  useEffect(() => {
    if (step !== 'second_factor_setup' || setup) return;
    authApi.setupSecondFactor().then(setSetup).catch(setError);
  }, [step, setup]);

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await f();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) {
    return (
      <div data-testid="recovery-codes">
        <Alert
          type="warning"
          showIcon
          title="请抄写并妥善保管以下恢复码：手机丢失时，每个恢复码可代替动态验证码登录一次。恢复码只显示这一次。"
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph code copyable style={{ whiteSpace: 'pre-wrap' }}>
          {recoveryCodes.join('\n')}
        </Typography.Paragraph>
        <Button type="primary" block onClick={done}>
          已保存，继续
        </Button>
      </div>
    );
  }

  if (step === 'second_factor') {
    return (
      <Form<{ code: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) =>
          run(async () => {
            await authApi.verifySecondFactor(v.code.trim());
            done();
          })
        }
      >
        <Form.Item
          label="动态验证码"
          name="code"
          extra="请输入手机验证器中显示的6位数字，或一个恢复码"
          rules={[{ required: true, message: '请输入动态验证码' }]}
        >
          <Input autoComplete="one-time-code" inputMode="numeric" autoFocus />
        </Form.Item>
        <FormError error={error} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          验证
        </Button>
      </Form>
    );
  }

  if (step === 'second_factor_setup') {
    return (
      <Form<{ code: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) =>
          run(async () => setRecoveryCodes((await authApi.enableSecondFactor(v.code.trim())).recoveryCodes))
        }
      >
        <Alert
          type="info"
          showIcon
          title="您的角色须使用动态验证码（第二因素）登录。请在手机验证器（支持 TOTP 的应用）中添加账户，输入下面的密钥，再填写其显示的6位数字。"
          style={{ marginBottom: 12 }}
        />
        {setup && (
          <Typography.Paragraph copyable={{ text: setup.secret }} data-testid="totp-secret">
            密钥：<Typography.Text code>{setup.secret}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Form.Item label="动态验证码" name="code" rules={[{ required: true, message: '请输入动态验证码' }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" />
        </Form.Item>
        <FormError error={error} />
        <Button type="primary" htmlType="submit" block loading={busy} disabled={!setup}>
          启用
        </Button>
      </Form>
    );
  }

  return (
    <Form<{ currentPassword: string; newPassword: string; confirm: string }>
      layout="vertical"
      requiredMark={false}
      onFinish={(v) =>
        run(async () => {
          await authApi.changePassword(v.currentPassword, v.newPassword);
          done();
        })
      }
    >
      <Alert
        type="info"
        showIcon
        title="请修改初始密码或已到期的密码：至少10位，包含大写字母、小写字母、数字、符号中的至少3类，不含用户名，不与最近5次相同。"
        style={{ marginBottom: 12 }}
      />
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <FormError error={error} />
      <Button type="primary" htmlType="submit" block loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}
