import type { LedgerDefinition, LedgerName } from '../ledger.ts';
import { auditLedger } from './audit.ledger.ts';
import { casesLedger } from './cases.ledger.ts';
import { cluesLedger } from './clues.ledger.ts';
import { gapsLedger } from './gaps.ledger.ts';
import { handoverLedger } from './handover.ledger.ts';
import { householdsLedger } from './households.ledger.ts';
import { importsLedger } from './imports.ledger.ts';
import { measuresLedger } from './measures.ledger.ts';
import { monitoredLedger } from './monitored.ledger.ts';

/** Every exportable ledger by name: adding a ledger is one file and one line here. */
export const LEDGERS: Readonly<Record<LedgerName, LedgerDefinition<never>>> = {
  households: householdsLedger as LedgerDefinition<never>,
  monitored: monitoredLedger as LedgerDefinition<never>,
  clues: cluesLedger as LedgerDefinition<never>,
  cases: casesLedger as LedgerDefinition<never>,
  measures: measuresLedger as LedgerDefinition<never>,
  gaps: gapsLedger as LedgerDefinition<never>,
  imports: importsLedger as LedgerDefinition<never>,
  handover: handoverLedger as LedgerDefinition<never>,
  audit: auditLedger as LedgerDefinition<never>,
};
