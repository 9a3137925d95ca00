import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { campaignWorkbook } from './campaign-export.ts';
import { campaignFiguresService } from './campaign-figures.service.ts';
import { campaignsRepository } from './campaigns.repository.ts';
import { campaignsService } from './campaigns.service.ts';
import { problemsRepository } from './problems.repository.ts';
import { problemsService } from './problems.service.ts';
import { spotChecksService } from './spot-checks.service.ts';

/** Wiring of the campaigns module (SPEC §15) for src/services.ts. */
export function createCampaigns(deps: {
  db: Kysely<DB>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now: () => Date;
}) {
  const { db, settings, audit, now } = deps;
  const repo = campaignsRepository(db);
  const campaigns = campaignsService({ db, repo, audit, now });
  const problems = problemsService({ db, repo: problemsRepository(db), campaigns, settings, audit, now });
  const spotChecks = spotChecksService({ db, repo, campaigns, problems, settings, audit });
  const figures = campaignFiguresService({ db, repo, campaigns, problems, now });
  return {
    campaigns,
    problems,
    spotChecks,
    figures,
    /** The campaign workbook; the export itself is audited (SPEC §17). */
    async exportWorkbook(actor: Actor, campaignId: string, regionCode?: string) {
      const campaign = await campaigns.get(actor, campaignId);
      const f = await figures.figures(actor, campaignId, regionCode);
      const rows = await figures.problemRows(actor, campaignId);
      const report = await figures.report(actor, campaignId, regionCode);
      await audit.append(actor, {
        action: AuditActions.campaignExport,
        entity: 'campaign',
        entityId: campaignId,
        regionCode: f.regionCode,
        after: { problems: rows.length },
      });
      return { name: `${campaign.name}.xlsx`, content: await campaignWorkbook(campaign, f, rows, report) };
    },
  };
}

export type Campaigns = ReturnType<typeof createCampaigns>;
