import { Alert } from 'antd';
import { errorMessage } from '../api/client';

/** The server's message for a failed submission, above the buttons of a form. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" />;
}
