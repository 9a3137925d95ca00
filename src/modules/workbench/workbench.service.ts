import { chinaToday, daysInMonth } from '../../domain/calendar/index.ts';
import type { GapsService } from '../assistance/gaps.service.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
import { WORKBENCH_LIST_LIMIT, type WorkbenchRepository } from './workbench.repository.ts';

interface Deps {
  workbenchRepo: WorkbenchRepository;
  gaps: Pick<GapsService, 'gaps'>;
  now?: () => Date;
}

/** A row of a task list: the record it opens, its household and the people living there. */
export interface WorkItem {
  id: string;
  householdId: string | null;
  householdCode: string | null;
  headName: string | null;
  persons: number;
  /** The date the item is due or ends (deadline, publicity end, planned end). */
  dueOn: string | null;
  /** What is waiting, in Chinese (step name, measure name). */
  what: string;
}

/** A task list with its counts in 户 and 人 (SPEC §16) and its first WORKBENCH_LIST_LIMIT rows. */
export interface WorkList {
  households: number;
  persons: number;
  count: number;
  overdue: number;
  items: WorkItem[];
}

/** The record a survey step asks for: a step that needs it is a visit to make (实地入户调查, 入户核实). */
const SURVEY_FORM = 'survey_form';

function workList(items: WorkItem[], today: string): WorkList {
  const persons = new Map<string, number>();
  for (const i of items) if (i.householdId) persons.set(i.householdId, i.persons);
  return {
    households: persons.size,
    persons: [...persons.values()].reduce((a, b) => a + b, 0),
    count: items.length,
    overdue: items.filter((i) => i.dueOn !== null && i.dueOn < today).length,
    items: items.slice(0, WORKBENCH_LIST_LIMIT),
  };
}

const byDue = (a: WorkItem, b: WorkItem) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');

/**
 * 移动工作台 (issue 14 point 2): what a village cadre has to do today in the villages of the actor's scope — visits
 * due (cases at a survey step), clues to verify, cases waiting at a village step, publicity ending, measures due by
 * the end of the month, and households whose 帮扶责任人 is missing past the deadline — each counted in 户 and 人.
 */
export const workbenchService = ({ workbenchRepo, gaps, now = () => new Date() }: Deps) => ({
  async today(actor: Actor) {
    requirePermission(actor, 'registry.read');
    const today = chinaToday(now());
    const monthEnd = `${today.slice(0, 7)}-${String(daysInMonth(today.slice(0, 7))).padStart(2, '0')}`;
    const [clues, cases, measures, gapLists] = await Promise.all([
      workbenchRepo.openClues(actor),
      workbenchRepo.villageCases(actor),
      workbenchRepo.measuresDue(actor, monthEnd),
      gaps.gaps(actor),
    ]);
    const visits: WorkItem[] = [];
    const waiting: WorkItem[] = [];
    const publicity: WorkItem[] = [];
    for (const c of cases) {
      const step = c.state.template.steps[c.state.current.stepIndex];
      const base = {
        id: c.id,
        householdId: c.householdId,
        householdCode: c.householdCode,
        headName: c.headName,
        persons: c.persons,
        what: step?.name ?? '',
      };
      const running = c.state.current.publicity;
      if (running) publicity.push({ ...base, dueOn: running.end });
      else if (c.currentLevel !== 'village') continue;
      else if (step?.records.some((r) => r.code === SURVEY_FORM)) visits.push({ ...base, dueOn: c.currentDue });
      else waiting.push({ ...base, dueOn: c.currentDue });
    }
    const gapItems = gapLists.withoutResponsible.items;
    const gapPersons = await workbenchRepo.personsOf(gapItems.map((g) => g.householdId));
    return {
      today,
      visitsDue: workList(visits, today),
      cluesToVerify: workList(
        clues.map((c) => ({
          id: c.id,
          householdId: c.householdId,
          householdCode: c.householdCode,
          headName: c.headName,
          persons: c.persons,
          dueOn: c.dueOn,
          what: c.status === 'verifying' ? '核实中' : '待核实',
        })),
        today,
      ),
      casesWaiting: workList(waiting, today),
      publicityEnding: workList(publicity.sort(byDue), today),
      measuresDue: workList(
        measures.map((m) => ({
          id: m.id,
          householdId: m.householdId,
          householdCode: m.householdCode,
          headName: m.headName,
          persons: m.persons,
          dueOn: m.plannedEndOn,
          what: m.name,
        })),
        today,
      ),
      withoutResponsible: workList(
        gapItems.map((g) => ({
          id: g.householdId,
          householdId: g.householdId,
          householdCode: g.householdCode,
          headName: g.headName,
          persons: gapPersons.get(g.householdId) ?? 0,
          dueOn: g.dueOn,
          what: '未落实帮扶责任人',
        })),
        today,
      ),
    };
  },
});

export type WorkbenchService = ReturnType<typeof workbenchService>;
