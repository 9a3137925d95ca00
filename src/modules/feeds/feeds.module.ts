import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { ScreeningService } from '../screening/screening.service.ts';
import { feedsRepository } from './feeds.repository.ts';
import { feedsService } from './feeds.service.ts';
import type { ImportDeps } from './import-feed-file.ts';

/**
 * Wiring of the department feed module (SPEC §10) for src/services.ts: each committed batch is screened at once, and
 * a loaded file is handed to the other modules' after-import hook.
 */
export function createFeeds(deps: {
  db: Kysely<DB>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  audit: Pick<AuditRepository, 'append'>;
  cipher: PiiCipher;
  screening: Pick<ScreeningService, 'screenBatch'>;
  /** Runs when a file has loaded, in its last transaction (see ImportDeps.afterImport). */
  afterImport?: ImportDeps['afterImport'];
  /** Column, header and .xlsx part caps (Config.feedLimits). */
  limits?: ImportDeps['limits'];
  /** The services' clock for the import's times (see feedsRepository). */
  now?: () => Date;
}) {
  return feedsService({
    db: deps.db,
    feedsRepo: feedsRepository(deps.db, deps.now),
    regionsRepo: deps.regionsRepo,
    audit: deps.audit,
    cipher: deps.cipher,
    screenBatch: (trx, actor, batch) => deps.screening.screenBatch(trx, actor, batch),
    afterImport: deps.afterImport,
    limits: deps.limits,
  });
}
