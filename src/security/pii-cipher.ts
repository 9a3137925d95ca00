import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal-data protection (SPEC §17): ID numbers (and other sensitive strings) are stored AES-256-GCM encrypted,
 * with a keyed HMAC-SHA-256 beside them for exact matching (department data are matched by that hash, never by the
 * plain number). Two sub-keys are derived from one 32-byte master key with HKDF.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Keyed hash for equality lookups; deterministic for one master key. */
  hash(plain: string): string;
}

export function createPiiCipher(masterKey: Buffer): PiiCipher {
  if (masterKey.length !== 32) throw new Error('数据密钥必须为32字节');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('shouxian/pii/aes-256-gcm');
  const macKey = derive('shouxian/pii/hmac-sha256');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
    },
    decrypt(token) {
      const raw = Buffer.from(token, 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return crypto.createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}

export class DataKeyError extends Error {}

/** Parses a 32-byte key given as 64 hex characters or base64. */
export function parseDataKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new DataKeyError('SHOUXIAN_DATA_KEY 无效：应为32字节密钥（64位十六进制或base64）');
  return key;
}

/**
 * The master key: from SHOUXIAN_DATA_KEY, or — in embedded mode only — generated once into the data directory
 * (file mode 0600). A server database without a configured key is refused: losing the key loses the ID numbers.
 */
export function loadDataKey(opts: { envKey: string | undefined; dataDir: string; embedded: boolean }): Buffer {
  if (opts.envKey) return parseDataKey(opts.envKey);
  if (!opts.embedded) {
    throw new DataKeyError(
      '使用 PostgreSQL 时必须设置 SHOUXIAN_DATA_KEY（32字节密钥，可用 `openssl rand -hex 32` 生成）并妥善备份',
    );
  }
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) return parseDataKey(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
