import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { compressPhoto } from '../domain/compress-photo';

export interface PickedPhoto {
  key: string;
  blob: Blob;
  url: string;
}

/**
 * Takes or chooses photos on a phone (camera or album), compresses each before it is kept, shows thumbnails with a
 * remove button. The caller uploads `photos` when the form is sent.
 */
export function PhotoPicker({
  value = [],
  onChange,
  max,
  testId = 'photo-picker',
}: {
  value?: PickedPhoto[];
  onChange?: (photos: PickedPhoto[]) => void;
  max: number;
  testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const latest = useRef(value);
  latest.current = value;
  // thumbnails' object URLs are released when the picker goes away
  useEffect(
    () => () => {
      for (const p of latest.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(undefined);
    const next = [...value];
    try {
      for (const file of Array.from(files)) {
        if (next.length >= max) {
          setError(`最多${max}张照片`);
          break;
        }
        const blob = await compressPhoto(file);
        next.push({ key: `${Date.now()}-${next.length}`, blob, url: URL.createObjectURL(blob) });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : '无法处理照片');
    } finally {
      setBusy(false);
      onChange?.(next);
      if (input.current) input.current.value = '';
    }
  };

  const remove = (key: string) => {
    const gone = value.find((p) => p.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    onChange?.(value.filter((p) => p.key !== key));
  };

  return (
    <div data-testid={testId}>
      <Space wrap size={8}>
        {value.map((p, i) => (
          <div key={p.key} className="sx-photo-thumb">
            <img src={p.url} alt={`照片${i + 1}`} />
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`删除照片${i + 1}`}
              onClick={() => remove(p.key)}
            />
          </div>
        ))}
        {value.length < max && (
          <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
            拍照或选择照片
          </Button>
        )}
      </Space>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/*"
        multiple
        hidden
        data-testid={`${testId}-input`}
        onChange={(e) => void add(e.target.files)}
      />
      <div>
        <Typography.Text type="secondary">
          已选{value.length}张，最多{max}张；照片会先在手机上压缩，并去掉拍摄位置等信息。
        </Typography.Text>
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  );
}
