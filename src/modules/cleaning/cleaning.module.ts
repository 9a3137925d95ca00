import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { cleaningRepository } from './cleaning.repository.ts';
import { cleaningService } from './cleaning.service.ts';

/** Wiring of the data-cleaning module (SPEC §17) for src/services.ts. */
export function createCleaning(deps: {
  db: Kysely<DB>;
  audit: Pick<AuditRepository, 'append'>;
  cipher: PiiCipher;
  now?: () => Date;
}) {
  return cleaningService({ ...deps, cleaningRepo: cleaningRepository(deps.db) });
}
