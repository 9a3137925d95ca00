import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { authApi } from '../../api/auth';
import type { CurrentUser } from '../../api/types';
import { useAuth } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { navigate } from '../../router/history';
import { LoginSteps } from './LoginSteps';

interface Values {
  username: string;
  password: string;
}

/**
 * 登录. The server sets the session cookie; a wrong password, a lockout and rate limiting come back as Chinese
 * messages. A step still pending (second factor, password change; issue 11) is taken here before the app opens; in
 * demo mode the page says so and names the demo password.
 */
export function LoginPage({ next }: { next: string }) {
  const { signedIn, pending } = useAuth();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState(false);
  const [step, setStep] = useState<CurrentUser['pending']>(pending);

  // The session check (AuthProvider) found a step pending: take it here. No own /me call: its 401 would send the
  // page to /login and lose the deep link in ?next=.
  useEffect(() => setStep(pending), [pending]);
  useEffect(() => {
    authApi.mode().then(
      (m) => setDemo(m.demo),
      () => setDemo(false),
    );
  }, []);

  const enter = (user: CurrentUser) => {
    if (user.pending) return setStep(user.pending);
    signedIn(user);
    // A village cadre lands on the phone's home (移动工作台, issue 14 point 2), the project officer on the project library,
    // unless a deep link asked for a page.
    const home = user.role === 'village' ? '/today' : user.role === 'project_officer' ? '/projects' : '/';
    navigate(next === '/' ? home : next, { replace: true });
  };

  const stepDone = async () => {
    try {
      enter(await authApi.me());
    } catch (err) {
      setStep(null);
      setError(err);
    }
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      enter(await authApi.login(v.username.trim(), v.password));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sx-login">
      <Card className="sx-login-card">
        <div className="sx-login-title">
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            守线
          </Typography.Title>
          <Typography.Text type="secondary">防止返贫动态监测和帮扶平台</Typography.Text>
        </div>
        {demo && (
          <Alert
            type="warning"
            showIcon
            data-testid="demo-notice"
            title="演示系统：数据均为合成数据，请勿录入真实农户信息"
            description="演示用户 admin、supervisor、county、township、village、department、civil 的密码均为 Demo@2026。"
            style={{ marginBottom: 16 }}
          />
        )}
        {step ? (
          <LoginSteps key={step} step={step} done={stepDone} />
        ) : (
          <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item
              label="用户名"
              name="username"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
            </Form.Item>
            <FormError error={error} />
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
