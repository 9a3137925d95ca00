import type { AppContext } from '../../app-context.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import { createServices, type Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { Prng } from '../generator/prng.ts';
import { demoActor } from './demo-actor.ts';
import { type CaseActors, driveCase, type StopAt } from './demo-case-steps.ts';
import { importFeed, routineImports, STORY_FEEDS } from './demo-feeds.ts';
import { type DemoHousehold, planStories, type Story } from './demo-stories.ts';

/** A story of one household: an async generator yielding the China date it wants to act next. */
export type Tale = AsyncGenerator<string, unknown, void>;

export interface HistoryOptions {
  /** Share of the county's households that get a story (monitored, eliminated, refused); default 3%. */
  share?: number;
  /** Months of history ending today; default 12. */
  months?: number;
  seed?: number;
}

export interface HistoryResult {
  households: number;
  outcomes: Record<string, number>;
  ms: number;
}

/** 10:00 China time of a China date: the hour the demo's cadres act. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

/**
 * Twelve months of work in the demo county (issue 13 point 8), driven through the real services with a clock moved
 * day by day: clues from the four channels, verification, inclusion procedures at every step, measures and
 * responsible persons, effectiveness reviews and elimination procedures, households that came back — so the
 * dashboard, the reports and every ledger show what the platform itself would have produced.
 *
 * Each household's story is an async generator that yields the date it acts next; the stories run in date order
 * (one clock for all, never going back), each action through the services of a clock-bound `createServices`.
 */
export async function loadDemoHistory(ctx: AppContext, opts: HistoryOptions = {}): Promise<HistoryResult> {
  const started = performance.now();
  const end = ctx.now?.() ?? new Date();
  const todayEnd = chinaToday(end);
  const months = opts.months ?? 12;
  const first = shiftDate(todayEnd, -Math.round(months * 30.4));
  let clock = at(first);
  const s = createServices({ ...ctx, now: () => clock });
  const today = () => chinaToday(clock);
  const db = ctx.database.db;

  const users = {
    village: await demoActor(db, 'village'),
    township: await demoActor(db, 'township'),
    county: await demoActor(db, 'county'),
    department: await demoActor(db, 'department'),
    civil: await demoActor(db, 'civil'),
  };
  // The cadres of each village and township act in their own region; the demo has one login per level, so the
  // other villages' work is recorded under that login with the village's own scope (README: demo data only).
  const actorsFor = (village: string): CaseActors => ({
    village: { ...users.village, regionCode: village },
    township: { ...users.township, regionCode: village.slice(0, 9) },
    county: users.county,
  });

  const households = await pickHouseholds(ctx, opts.share ?? 0.03, opts.seed ?? 20261203);
  const rng = new Prng(opts.seed ?? 20261203);
  const stories = planStories(rng, households, first, todayEnd);
  const outcomes: Record<string, number> = {};
  const env: StoryEnv = { s, ctx, today, actorsFor, users, rounds: new Map(), outcomes };

  // The clock: every story waits in a queue by the date it acts next.
  const queue: { day: string; seq: number; tale: Tale }[] = [];
  let seq = 0;
  const push = (day: string, tale: Tale) => {
    queue.push({ day: day < today() ? today() : day, seq: seq++, tale });
  };
  for (const story of stories) push(story.start, runStory(env, story));
  // The departments' monthly files (医保, 人社) through the real import, for households outside the stories.
  const pool = await pickHouseholds(ctx, 0.02, (opts.seed ?? 20261203) + 1, new Set(households.map((h) => h.id)));
  push(
    first,
    routineImports(
      s.feeds,
      { medical: users.department, county: users.county },
      pool,
      first,
      todayEnd,
      opts.seed ?? 20261203,
    ),
  );
  while (queue.length > 0) {
    queue.sort((a, b) => (a.day === b.day ? a.seq - b.seq : a.day < b.day ? -1 : 1));
    const next = queue.shift() as (typeof queue)[number];
    if (next.day > todayEnd) continue; // the story's future: not yet happened
    if (next.day > today()) clock = at(next.day);
    try {
      const r = await next.tale.next();
      if (!r.done) push(r.value, next.tale);
    } catch (err) {
      // A rule the story did not foresee (the real services refuse): the household's story ends there, as it would.
      const code = (err as { code?: string }).code ?? 'ERROR';
      outcomes[`refused:${code}`] = (outcomes[`refused:${code}`] ?? 0) + 1;
      ctx.logger.debug({ err }, 'demo story stopped');
    }
  }
  return { households: stories.length, outcomes, ms: Math.round(performance.now() - started) };
}

export interface StoryEnv {
  s: Services;
  ctx: AppContext;
  today: () => string;
  actorsFor: (village: string) => CaseActors;
  users: Record<'village' | 'township' | 'county' | 'department' | 'civil', Actor>;
  /** The effectiveness-review round of each village and year, created at its first household. */
  rounds: Map<string, string>;
  outcomes: Record<string, number>;
}

/** Households of the county without a status or a survey yet, sampled evenly with a fixed seed. */
async function pickHouseholds(
  ctx: AppContext,
  share: number,
  seed: number,
  except: ReadonlySet<string> = new Set(),
): Promise<DemoHousehold[]> {
  const rows = await ctx.database.db
    .selectFrom('households as h')
    .innerJoin('persons as p', 'p.id', 'h.head_person_id')
    .select([
      'h.id',
      'h.region_code as village',
      'h.lifted_out as liftedOut',
      'p.name as headName',
      'p.id_number_enc as idEnc',
    ])
    .where('h.region_code', 'like', '621124%')
    .where('h.monitoring_status', '=', 'none')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('household_surveys as s').select('s.id').whereRef('s.household_id', '=', 'h.id'))),
    )
    .orderBy('h.code')
    .execute();
  const rng = new Prng(seed ^ 0x5a5a);
  const want = Math.max(12, Math.round(rows.length * share));
  // The demo village gets a few stories of its own, so its village login sees work too.
  const picked = rows.filter((r) => rng.chance(want / Math.max(rows.length, 1)) && !except.has(r.id));
  return picked.map((r) => ({ ...r, idNumber: ctx.cipher.decrypt(r.idEnc) }));
}

const count = (env: StoryEnv, key: string) => {
  env.outcomes[key] = (env.outcomes[key] ?? 0) + 1;
};

/** Runs one planned story: the clue, its verification, the procedure, assistance, review and elimination. */
async function* runStory(env: StoryEnv, story: Story): Tale {
  const { s, today } = env;
  const h = story.household;
  const actors = env.actorsFor(h.village);
  const clueId = yield* receiveClue(env, story, story.clue);
  if (story.kind === 'noise') {
    count(env, `clue:${story.clue.state}`);
    return;
  }
  // Verification: the village visits within days and records what it found (实地入户调查).
  yield shiftDate(today(), story.verifyAfter);
  await s.clues.assign(actors.village, clueId, '村级动态监测工作队');
  await s.assessments.recordSurvey(actors.village, h.id, {
    kind: 'identification',
    surveyedOn: today(),
    facts: story.facts,
  });
  const year = await incomeYear(env, h.id);
  const preview = year
    ? await s.assessments.evaluate(actors.county, h.id, { year, mode: 'identification' })
    : { result: null };
  const decision = preview.result?.decision;
  if (story.kind === 'refused' || (decision !== 'include' && decision !== 'county_review')) {
    await s.clues.close(actors.village, clueId, {
      result: 'no_risk',
      note: '经入户核实，家庭收入稳定，暂无返贫致贫风险，纳入日常监测',
    });
    count(env, 'verified_no_risk');
    return;
  }
  if (decision === 'county_review') {
    count(env, 'county_review');
    await s.clues.close(actors.village, clueId, {
      result: 'no_risk',
      note: '属于不纳入情形，经核实暂不纳入，继续跟踪',
    });
    return;
  }
  const started = await s.casesModule.startFromClue(actors.village, clueId, {
    kind: 'inclusion',
    note: '核实存在返贫致贫风险，启动识别程序',
  });
  const outcome = yield* driveCase(s, env.ctx.database.db, today, started.id, actors, story.stopInclusion, story.pace);
  if (outcome !== 'completed') {
    count(env, outcome ? `inclusion:${outcome}` : `inclusion_at:${story.stopInclusion?.step}`);
    return;
  }
  count(env, 'included');
  yield* assist(env, story);
  if (!story.eliminateAfterDays) return;
  yield shiftDate(today(), story.eliminateAfterDays);
  const eliminated = yield* eliminate(env, story);
  if (!eliminated || !story.returnAfterDays) return;
  // 返贫: a new hardship months after elimination, a new clue and the inclusion procedure again.
  yield shiftDate(today(), story.returnAfterDays);
  const again = yield* receiveClue(env, story, { channel: 'department', state: 'closed', risk: story.returnRisk });
  yield shiftDate(today(), 3);
  await s.assessments.recordSurvey(actors.village, h.id, {
    kind: 'identification',
    surveyedOn: today(),
    facts: story.returnFacts,
  });
  const restart = await s.casesModule.startFromClue(actors.village, again, {
    kind: 'inclusion',
    note: '风险消除后再次出现风险，启动识别程序',
  });
  if ((yield* driveCase(s, env.ctx.database.db, today, restart.id, actors, null, story.pace)) === 'completed') {
    count(env, 'returned');
    yield* assist(env, story);
  }
}

async function incomeYear(env: StoryEnv, householdId: string): Promise<number | undefined> {
  const r = await env.ctx.database.db
    .selectFrom('household_incomes')
    .select((e) => e.fn.max('year').as('year'))
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return (r?.year as number | null) ?? undefined;
}

/** The clue through its channel's own service (SPEC §6); left open, verifying or overdue as the story says. */
async function* receiveClue(env: StoryEnv, story: Story, clue: Story['clue']): AsyncGenerator<string, string, void> {
  const { s, today, users } = env;
  const h = story.household;
  const actors = env.actorsFor(h.village);
  const risk = clue.risk ?? story.risk;
  const text = RISK_WORDS[risk];
  let id: string;
  if (clue.channel === 'self_declaration') {
    const r = await s.declarations.declare({
      name: h.headName,
      idNumber: h.idNumber,
      phone: story.phone,
      villageCode: h.village,
      hardship: [risk],
      description: text.declared,
    });
    const row = await env.ctx.database.db
      .selectFrom('declarations')
      .select('clue_id')
      .where('tracking_code', '=', r.trackingCode)
      .executeTakeFirstOrThrow();
    id = row.clue_id as string;
  } else if (clue.channel === 'cadre_screening') {
    id = (
      await s.clues.recordVisit(actors.village, {
        householdId: h.id,
        finding: text.visit,
        riskTypes: [risk],
      })
    ).id;
  } else if (clue.channel === 'department' && STORY_FEEDS[risk]) {
    // The department's file through the real import: its screening raises (or merges into) the household's clue.
    const feed = STORY_FEEDS[risk];
    await importFeed(
      s.feeds,
      feed.importer === 'department' ? users.department : users.county,
      feed.department,
      feed.kind,
      [feed.row(h, today())],
      today(),
    );
    const raised = await env.ctx.database.db
      .selectFrom('clues')
      .select('id')
      .where('household_id', '=', h.id)
      .where('channel', '=', 'department')
      .where('status', '<>', 'closed')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!raised) throw new Error(`demo: ${feed.department} record raised no clue`);
    id = raised.id;
  } else if (clue.channel === 'department') {
    // A department's push without a file of one household (income, school, a village's water): the county enters it.
    id = (
      await s.clues.record(users.county, {
        channel: 'department',
        sourceKind: 'rule',
        sourceRef: `${text.department}:demo`,
        householdId: h.id,
        finding: text.departmentFinding,
        riskTypes: [risk],
        facts: { department: text.department },
      })
    ).id;
  } else {
    id = (
      await s.clues.record(users.county, {
        channel: 'social',
        sourceKind: 'hotline',
        householdId: h.id,
        finding: text.social,
        riskTypes: [risk],
      })
    ).id;
  }
  if (story.kind === 'noise') {
    // A clue checked and closed, one being checked, or one nobody has looked at (overdue once its days run out).
    if (clue.state === 'closed') {
      yield shiftDate(today(), 2 + (story.phone.charCodeAt(10) % 5));
      await s.clues.close(actors.village, id, { result: 'no_risk', note: '经入户核实，情况已好转，无返贫致贫风险' });
    } else if (clue.state === 'verifying') {
      yield shiftDate(today(), 1);
      await s.clues.assign(actors.village, id, '村级动态监测工作队');
    }
  }
  return id;
}

/** After inclusion: a responsible person within days, measures from the suggestions, their progress (SPEC §9). */
async function* assist(env: StoryEnv, story: Story): AsyncGenerator<string, void, void> {
  const { s, today } = env;
  const h = story.household;
  const actors = env.actorsFor(h.village);
  yield shiftDate(today(), 2);
  await s.assistance.households.assignResponsible(actors.village, h.id, {
    name: story.responsible.name,
    phone: story.responsible.phone,
    unit: story.responsible.unit,
  });
  const plan = await s.assistance.plan.suggest(actors.village, h.id, {});
  const ids: string[] = [];
  for (const m of (plan.measures as { subtype: string; rule: string; reason: string }[]).slice(0, 2)) {
    const added = await s.assistance.plan.addMeasure(actors.village, h.id, {
      subtype: m.subtype,
      suggestionRule: m.rule,
      suggestionReason: m.reason,
      responsiblePerson: story.responsible.name,
      startOn: today(),
      plannedEndOn: shiftDate(today(), 180),
    });
    ids.push((added as { id: string }).id);
  }
  if (ids.length === 0) return;
  yield shiftDate(today(), 20);
  for (const id of ids) {
    await s.assistance.measures.addProgress(actors.village, id, {
      note: '措施已落实到户，帮扶责任人入户回访',
      status: 'in_progress',
    });
  }
}

/** The yearly effectiveness review and, when its outcome says so, the elimination procedure (SPEC §9, §8.3). */
async function* eliminate(env: StoryEnv, story: Story): AsyncGenerator<string, boolean, void> {
  const { s, today } = env;
  const h = story.household;
  const actors = env.actorsFor(h.village);
  await s.assessments.recordSurvey(actors.village, h.id, {
    kind: 'elimination',
    surveyedOn: today(),
    facts: { consentToElimination: true, basicNeedsSecured: true, note: '风险已消除，农户本人同意' },
  });
  const year = Number(today().slice(0, 4));
  const check = await s.assessments.evaluate(actors.county, h.id, { year, mode: 'elimination' });
  if (check.result?.decision !== 'eliminate') {
    count(env, `kept:${check.result?.decision ?? 'no_income'}`);
    return false;
  }
  const key = `${h.village}/${year}`;
  let round = env.rounds.get(key);
  if (!round) {
    round = (
      await s.assistance.reviews.createRound(actors.village, {
        villageCode: h.village,
        year,
        meeting: {
          date: today(),
          attendees: ['村党支部书记', '村委会主任', '驻村工作队队长'],
          minutes: '逐户评议帮扶成效',
        },
      })
    ).id as string;
    env.rounds.set(key, round);
  }
  const measures = await env.ctx.database.db
    .selectFrom('measures')
    .select('id')
    .where('household_id', '=', h.id)
    .where('status', 'in', ['planned', 'in_progress'])
    .execute();
  for (const m of measures) {
    await s.assistance.measures.addProgress(actors.village, m.id, {
      note: '帮扶措施已完成，成效明显',
      status: 'completed',
      result: '风险点已消除，收入稳定',
    });
  }
  const review = await s.assistance.reviews.reviewHousehold(actors.village, round, h.id, {
    measuresTargeted: true,
    measuresEffective: true,
    riskPointsGone: check.result ? ([...new Set([story.risk, ...(story.extraRisks ?? [])])] as never) : [],
    incomeStable: true,
    rigidExpenditureControllable: true,
    basicNeedsSecured: true,
  });
  if (review.outcome !== 'start_elimination' || !review.caseId) {
    count(env, `review:${review.outcome}`);
    return false;
  }
  const outcome = yield* driveCase(
    s,
    env.ctx.database.db,
    today,
    review.caseId,
    actors,
    story.stopElimination,
    story.pace,
  );
  if (outcome === 'completed') count(env, 'eliminated');
  else count(env, outcome ? `elimination:${outcome}` : `elimination_at:${story.stopElimination?.step}`);
  return outcome === 'completed';
}

/** What people and departments say about each risk (no figures: notices and clue texts stay free of amounts). */
const RISK_WORDS: Record<
  Story['risk'],
  { declared: string; visit: string; department: string; departmentFinding: string; social: string }
> = {
  medical: {
    declared: '家里老人住院治疗，自付医药费很多，生活困难',
    visit: '入户走访发现户主患慢性病长期服药，医疗支出大',
    department: 'medical_insurance',
    departmentFinding: '医保部门推送：该户成员住院个人自付费用较高',
    social: '群众反映该户有人重病住院，家里负担重',
  },
  education: {
    declared: '孩子初中没读完就在家了，想让他回学校',
    visit: '入户走访发现该户子女义务教育阶段辍学',
    department: 'education',
    departmentFinding: '教育部门推送：该户有义务教育阶段学生未在校',
    social: '邻居反映该户孩子没去上学',
  },
  housing: {
    declared: '房子墙体开裂，下雨漏水，担心住不安全',
    visit: '入户走访发现住房墙体开裂，需鉴定',
    department: 'housing',
    departmentFinding: '住建部门推送：该户住房鉴定为危房',
    social: '村民反映该户房屋破旧有安全隐患',
  },
  industry_employment: {
    declared: '养的牛羊今年病死不少，家里收入少了一大半',
    visit: '入户走访发现该户务工人员返乡失业，收入明显下降',
    department: 'hr_social_security',
    departmentFinding: '人社部门推送：该户务工人员本季度未就业',
    social: '群众反映该户种植的药材遭受损失',
  },
  other: {
    declared: '家里主要劳动力干活时受伤，干不了重活了',
    visit: '入户走访发现该户遭受冰雹灾害，房屋和庄稼受损',
    department: 'emergency_management',
    departmentFinding: '应急管理部门推送：该户受灾情影响',
    social: '群众反映该户发生意外事故，家庭困难',
  },
  water: {
    declared: '家里自来水经常停，吃水要到很远的地方挑',
    visit: '入户走访发现该户饮水不稳定',
    department: 'water_resources',
    departmentFinding: '水利部门推送：该户所在片区供水不稳定',
    social: '群众反映该户吃水困难',
  },
  income: {
    declared: '家里收入少，日子过得紧巴',
    visit: '入户走访发现该户人均收入偏低，生活困难',
    department: 'civil_affairs',
    departmentFinding: '民政部门推送：该户收入低于监测范围',
    social: '群众反映该户生活比较困难',
  },
};

export type { StopAt };
