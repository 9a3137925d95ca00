import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { errorMessage } from '../../api/client';

/**
 * 显示完整身份证号, for roles allowed to see unmasked numbers (county, admin). The server records every reveal in the
 * audit log (SPEC §17), and the user is told so before and after.
 */
export function RevealIdsButton({
  revealed,
  onReveal,
  onHide,
}: {
  revealed: boolean;
  onReveal: () => Promise<void>;
  onHide: () => Promise<void>;
}) {
  const { modal, message } = App.useApp();
  if (revealed) {
    return (
      <Button icon={<EyeInvisibleOutlined />} onClick={() => void onHide()}>
        隐藏身份证号
      </Button>
    );
  }
  const confirm = () =>
    modal.confirm({
      title: '显示完整身份证号',
      content: '完整身份证号属于敏感个人信息。本次查看将以您的账号记入审计日志，请仅在工作需要时查看，勿截屏外传。',
      okText: '确认显示',
      cancelText: '取消',
      onOk: async () => {
        try {
          await onReveal();
          message.success('已显示完整身份证号，本次查看已记入审计日志');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  return (
    <Button icon={<EyeOutlined />} onClick={confirm}>
      显示完整身份证号
    </Button>
  );
}
