import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Role } from '../../api/types';
import { type UserRow, usersApi } from '../../api/users';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { VillageSelect } from '../../components/VillageSelect';
import { formatDateTime } from '../../domain/format';
import { label, ROLE } from '../../domain/labels';
import { SEPARATED_ADMINS } from '../../domain/permissions';
import { applyServerError } from '../../forms/server-errors';
import { DEPARTMENT } from '../assistance/assistance-labels';

/** The roles a security administrator may grant in the web; the other two administrators are the console's (0030). */
const GRANTABLE: Role[] = ['village', 'township', 'county', 'project_officer', 'department', 'supervisor', 'admin'];

/** Region levels of each role's scope, as the server checks them (src/modules/auth/auth.service.ts ROLE_LEVELS). */
const LEVELS: Record<Role, number[]> = {
  village: [5],
  township: [4],
  county: [3],
  department: [3],
  supervisor: [1, 2, 3],
  admin: [1, 2, 3],
  security_admin: [1, 2, 3],
  audit_admin: [1, 2, 3],
  project_officer: [3],
};

const LEVEL_HINT: Record<Role, string> = {
  village: '请选择村',
  township: '请选择乡镇',
  county: '请选择县',
  department: '请选择县',
  supervisor: '请选择县或以上区划',
  admin: '请选择县或以上区划',
  security_admin: '请选择县或以上区划',
  audit_admin: '请选择县或以上区划',
  project_officer: '请选择县',
};

const roleOptions = GRANTABLE.map((r) => ({ value: r, label: label(ROLE, r) }));
const departmentOptions = Object.entries(DEPARTMENT).map(([value, text]) => ({ value, label: text }));

function Status({ u }: { u: UserRow }) {
  if (u.disabled) return <Tag color="red">停用</Tag>;
  if (u.locked) return <Tag color="orange">锁定</Tag>;
  return <Tag color="green">正常</Tag>;
}

interface AccountValues {
  username?: string;
  displayName?: string;
  role: Role;
  regionCode: string;
  department?: string;
}

/** Role, region and department fields, shared by 新增用户 and 变更角色/区划. */
function AccountFields({ rootCode, role }: { rootCode: string; role: Role | undefined }) {
  return (
    <>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          options={roleOptions}
          placeholder="请选择角色"
          showSearch
          optionFilterProp="label"
          data-testid="user-role"
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label="管辖区划"
        rules={[{ required: true, message: '请选择管辖区划' }]}
        extra="用户只能看到和办理该区划内的事项"
      >
        <VillageSelect
          rootCode={rootCode}
          levels={role ? LEVELS[role] : []}
          placeholder={role ? LEVEL_HINT[role] : '请先选择角色'}
          testId="user-region"
        />
      </Form.Item>
      {role === 'department' && (
        <Form.Item name="department" label="所属部门" rules={[{ required: true, message: '请选择所属部门' }]}>
          <Select options={departmentOptions} placeholder="请选择部门" showSearch optionFilterProp="label" />
        </Form.Item>
      )}
    </>
  );
}

/** The one-time password, shown once after creating a user or resetting a password. */
function OneTimePassword({ shown, onClose }: { shown?: { username: string; password: string }; onClose: () => void }) {
  return (
    <Modal
      title="初始密码（只显示这一次）"
      open={!!shown}
      onOk={onClose}
      onCancel={onClose}
      okText="已转交，关闭"
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {shown && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            用户 <b>{shown.username}</b> 的初始密码：
          </Typography.Text>
          <Typography.Text code copyable data-testid="one-time-password" style={{ fontSize: 18 }}>
            {shown.password}
          </Typography.Text>
          <Alert
            type="warning"
            showIcon
            title="请当面或通过安全渠道转交本人；关闭后无法再次查看。本人首次登录时须修改密码。"
          />
        </Space>
      )}
    </Modal>
  );
}

function CreateDialog({
  open,
  rootCode,
  onClose,
  onCreated,
}: {
  open: boolean;
  rootCode: string;
  onClose: () => void;
  onCreated: (username: string, password: string | undefined) => void;
}) {
  const [form] = Form.useForm<AccountValues>();
  const role = Form.useWatch('role', form);
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      const created = await usersApi.create({
        username: String(v.username).trim(),
        ...(v.displayName?.trim() ? { displayName: v.displayName.trim() } : {}),
        role: v.role,
        regionCode: v.regionCode,
        ...(v.role === 'department' && v.department ? { department: v.department } : {}),
      });
      form.resetFields();
      onCreated(String(v.username).trim(), created.password);
    } catch (e) {
      setFailure(e);
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="新增用户"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="创建"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed) => 'role' in changed && form.setFieldValue('regionCode', undefined)}
      >
        <FormError error={failure} />
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32位字母、数字、下划线、点或短横线' },
          ]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名">
          <Input maxLength={50} />
        </Form.Item>
        <AccountFields rootCode={rootCode} role={role} />
        <Typography.Text type="secondary">创建后生成一次性初始密码，只显示一次；本人首次登录时须修改。</Typography.Text>
      </Form>
    </Modal>
  );
}

function ChangeDialog({
  user,
  rootCode,
  onClose,
  onDone,
}: {
  user?: UserRow;
  rootCode: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<AccountValues>();
  const role = Form.useWatch('role', form);
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await usersApi.change(user.id, {
        role: v.role,
        regionCode: v.regionCode,
        ...(v.role === 'department' ? { department: v.department ?? null } : {}),
      });
      onDone();
    } catch (e) {
      setFailure(e);
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={user ? `变更角色或区划：${user.username}` : ''}
      open={!!user}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ role: user.role, regionCode: user.regionCode, department: user.department ?? undefined }}
          onValuesChange={(changed) => 'role' in changed && form.setFieldValue('regionCode', undefined)}
        >
          <FormError error={failure} />
          <AccountFields rootCode={rootCode} role={role ?? user.role} />
          <Typography.Text type="secondary">保存后该用户的会话立即失效，须重新登录。</Typography.Text>
        </Form>
      )}
    </Modal>
  );
}

/**
 * 用户管理 (issue 11 point 3; 三员分立, docs/decisions/0030): the security administrator lists the accounts of its
 * scope with their status and last login, creates users, disables and enables them, unlocks them, resets a password
 * to a one-time password shown once, and changes role and region. Its own account and the security and audit
 * administrators' are managed at the server console only.
 */
export default function UsersPage() {
  const me = useUser();
  const { message } = App.useApp();
  const [rows, setRows] = useState<UserRow[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<UserRow>();
  const [shown, setShown] = useState<{ username: string; password: string }>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(() => {
    usersApi.list().then(
      (r) => {
        setRows(r);
        setError(undefined);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  const run = async (u: UserRow, what: string, call: () => Promise<{ ok: true; password?: string }>) => {
    setBusy(u.id);
    try {
      const r = await call();
      if (r.password) setShown({ username: u.username, password: r.password });
      else message.success(`已${what}：${u.username}`);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const columns: ResponsiveColumns<UserRow> = [
    {
      title: '用户',
      mobile: 'title',
      key: 'user',
      render: (_, u) => (
        <span>
          {u.username}
          {u.displayName && u.displayName !== u.username && (
            <Typography.Text type="secondary">（{u.displayName}）</Typography.Text>
          )}
        </span>
      ),
    },
    { title: '角色', mobile: true, dataIndex: 'role', width: 130, render: (v: string) => label(ROLE, v) },
    {
      title: '管辖区划',
      mobile: true,
      dataIndex: 'regionCode',
      width: 150,
      render: (v: string) => <RegionName code={v} />,
    },
    { title: '状态', mobile: true, key: 'status', width: 80, render: (_, u) => <Status u={u} /> },
    {
      title: '最近登录',
      mobile: true,
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 320,
      render: (_, u) => {
        if (u.username === me.username) return <Typography.Text type="secondary">本人账户</Typography.Text>;
        if (SEPARATED_ADMINS.includes(u.role)) {
          return <Typography.Text type="secondary">在服务器控制台管理</Typography.Text>;
        }
        const loading = busy === u.id;
        return (
          <Space wrap size={4}>
            {u.disabled ? (
              <Button size="small" loading={loading} onClick={() => run(u, '启用', () => usersApi.enable(u.id))}>
                启用
              </Button>
            ) : (
              <Popconfirm
                title={`停用 ${u.username}？其会话立即失效`}
                okText="停用"
                cancelText="取消"
                onConfirm={() => run(u, '停用', () => usersApi.disable(u.id))}
              >
                <Button size="small" danger loading={loading}>
                  停用
                </Button>
              </Popconfirm>
            )}
            {u.locked && (
              <Button size="small" loading={loading} onClick={() => run(u, '解锁', () => usersApi.unlock(u.id))}>
                解锁
              </Button>
            )}
            <Popconfirm
              title={`重置 ${u.username} 的密码？将生成一次性密码`}
              okText="重置"
              cancelText="取消"
              onConfirm={() => run(u, '重置密码', () => usersApi.resetPassword(u.id))}
            >
              <Button size="small" loading={loading}>
                重置密码
              </Button>
            </Popconfirm>
            <Button size="small" onClick={() => setChanging(u)}>
              变更角色/区划
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHead
        title="用户管理"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新增用户
          </Button>
        }
      >
        <Typography.Text type="secondary">
          本辖区的账户：新增、停用、解锁、重置密码、变更角色和区划；每项操作都记入审计日志。
        </Typography.Text>
      </PageHead>
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<UserRow>
          rowKey="id"
          size="small"
          loading={!rows && !error}
          columns={columns}
          dataSource={rows ?? []}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 个用户` }}
          data-testid="users-table"
        />
      </Card>
      <CreateDialog
        open={creating}
        rootCode={me.regionCode}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => {
          setCreating(false);
          if (password) setShown({ username, password });
          else message.success(`已新增用户：${username}`);
          load();
        }}
      />
      <ChangeDialog
        user={changing}
        rootCode={me.regionCode}
        onClose={() => setChanging(undefined)}
        onDone={() => {
          message.success(`已变更：${changing?.username ?? ''}`);
          setChanging(undefined);
          load();
        }}
      />
      <OneTimePassword shown={shown} onClose={() => setShown(undefined)} />
    </>
  );
}
