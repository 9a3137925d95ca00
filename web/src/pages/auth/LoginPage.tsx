import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { authApi } from '../../api/auth';
import { useAuth } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { navigate } from '../../router/history';

interface Values {
  username: string;
  password: string;
}

/** 登录. The server sets the session cookie; a wrong password and rate limiting come back as Chinese messages. */
export function LoginPage({ next }: { next: string }) {
  const { signedIn } = useAuth();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const user = await authApi.login(v.username.trim(), v.password);
      signedIn(user);
      navigate(next, { replace: true });
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
      </Card>
    </div>
  );
}
