import { isIsoDate } from './dates.ts';

/**
 * The State Council's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as the admin copies it, read into
 * the calendar shape that `validateOfficialCalendar` checks (issue 10 point 6). The notice writes one line per
 * holiday: "二、春节：2月5日（农历除夕、周五）至13日（周六）放假调休，共9天。2月14日（周日）上班。" — a range or a single
 * day "放假", then the make-up workdays "上班". Parenthesised remarks (weekdays, lunar dates, "除夕（2月9日）")
 * are dropped before reading. The year comes from a "YYYY年" in the title or a line "年份：YYYY"; the source from a
 * line "来源：…", else the title line. Nothing is guessed: a line that names a holiday but gives no date is an
 * error the caller shows.
 */
export interface NoticeReading {
  calendar: { year: number | null; holidays: string[]; workdays: string[]; source: string };
  problems: string[];
}

const DATE = /(?:(\d{1,2})月)?(\d{1,2})日/g;

export function readHolidayNotice(text: string): NoticeReading {
  const problems: string[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  let year: number | null = null;
  let source = '';
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const line of lines) {
    const yearLine = /^(?:年份|year)\s*[：:]\s*(\d{4})\s*$/i.exec(line);
    if (yearLine) {
      year = Number(yearLine[1]);
      continue;
    }
    const sourceLine = /^(?:来源|source)\s*[：:]\s*(.+)$/i.exec(line);
    if (sourceLine) {
      source = (sourceLine[1] as string).trim();
      continue;
    }
    if (/通知/.test(line) && !/放假|上班/.test(line)) {
      const y = /(\d{4})年/.exec(line);
      if (y && year === null) year = Number(y[1]);
      if (!source) source = line;
    }
  }
  if (year === null) {
    problems.push('未找到年份：请保留通知标题（含“YYYY年”）或加一行“年份：YYYY”');
    return { calendar: { year, holidays: [], workdays: [], source }, problems };
  }
  for (const line of lines) {
    if (!/放假|上班/.test(line)) continue;
    const plain = line.replace(/（[^）]*）|\([^)]*\)/g, '');
    for (const sentence of plain.split(/[。；;]/)) {
      if (/放假/.test(sentence)) {
        const head = sentence.slice(0, sentence.indexOf('放假'));
        const dates = readDates(head, year);
        if (dates.length === 0) problems.push(`“${line}”中没有放假日期`);
        else if (/至|—|-|~|～/.test(head) && dates.length >= 2) {
          for (const d of range(dates[0] as string, dates[1] as string)) holidays.add(d);
        } else holidays.add(dates[0] as string);
      } else if (/上班/.test(sentence)) {
        const dates = readDates(sentence, year);
        if (dates.length === 0) problems.push(`“${line}”中没有上班日期`);
        for (const d of dates) workdays.add(d);
      }
    }
  }
  if (holidays.size === 0 && problems.length === 0) problems.push('未读到任何放假日期');
  return {
    calendar: { year, holidays: [...holidays].sort(), workdays: [...workdays].sort(), source },
    problems,
  };
}

/** "2月5日至13日": a day without its month takes the month written before it. */
function readDates(text: string, year: number): string[] {
  const out: string[] = [];
  let month: number | null = null;
  for (const m of text.matchAll(DATE)) {
    if (m[1]) month = Number(m[1]);
    if (month === null) continue;
    const d = `${year}-${String(month).padStart(2, '0')}-${String(Number(m[2])).padStart(2, '0')}`;
    out.push(d);
  }
  return out;
}

function range(from: string, to: string): string[] {
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) return [from, to];
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); ; d = new Date(d.getTime() + 86_400_000)) {
    const s = d.toISOString().slice(0, 10);
    out.push(s);
    if (s >= to || out.length > 31) break;
  }
  return out;
}
