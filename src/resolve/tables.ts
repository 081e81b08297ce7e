/**
 * Tables generated from the front matter (schemas/structure.json says which section each goes
 * in): a drafter writes a figure once, in the data, and it appears the same in both languages.
 */
import type { Lang } from '../core/types.js';
import type { Block, Run, TableBlock, TableCell } from '../model/types.js';
import type { TableKind } from '../schema/structure.js';
import { textRuns } from './inline.js';
import { formatDuration, formatFrequency, formatNumber, type Labels } from './labels.js';
import { formatDate, tkOrdinal } from './typography.js';

type Obj = Record<string, unknown>;
type Data = Record<string, unknown>;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? formatNumber(v) : '');

export interface TableContext {
  lang: Lang;
  labels: Labels;
  /** The next table number in this document (tables are numbered through the document). */
  nextNumber(): number;
}

function cell(text: string, ctx: TableContext, align?: TableCell['align']): TableCell {
  const c: TableCell = { runs: textRuns(text, ctx.lang) };
  if (align) c.align = align;
  return c;
}

function table(kind: string, ctx: TableContext, columns: Array<[string, number, TableCell['align']?]>, rows: TableCell[][], anchor?: string): TableBlock {
  const n = ctx.nextNumber();
  const caption = ctx.labels.fill('tables.caption', { n, ord: ordinalOf(n, ctx.lang), title: ctx.labels.get(`tables.${kind}.title`) });
  const t: TableBlock = {
    type: 'table',
    caption: textRuns(caption, ctx.lang),
    columns: columns.map(([, width, align]) => (align ? { width, align } : { width })),
    header: columns.map(([label]) => cell(label, ctx)),
    rows,
  };
  if (anchor) t.anchor = anchor;
  return t;
}

const L = (ctx: TableContext, path: string): string => ctx.labels.get(path);

export function generatedTables(kind: TableKind, data: Data, ctx: TableContext): Block[] {
  switch (kind) {
    case 'eligibility': {
      const out: Block[] = [];
      const eligibility = (data.eligibility ?? {}) as Obj;
      const criteria = list(eligibility.criteria);
      if (criteria.length) {
        out.push(table('eligibility', ctx, [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.eligibility.text'), 8]], criteria.map((c) => [cell(str(c.id), ctx, 'center'), cell(str(c.text), ctx)])));
      }
      const exclusions = list(data.exclusions);
      if (exclusions.length) {
        out.push(table('exclusions', ctx, [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.exclusions.text'), 8]], exclusions.map((c) => [cell(str(c.id), ctx, 'center'), cell(str(c.text), ctx)])));
      }
      return out;
    }
    case 'results': {
      const goals = new Map(list(data.goals).map((g) => [str(g.id), str(g.text)]));
      const rows: TableCell[][] = [];
      for (const r of list(data.expectedResults)) {
        const goal = str(r.goal);
        rows.push([cell(`${goal}. ${goals.get(goal) ?? ''}`, ctx), cell(`${str(r.id)}. ${str(r.text)}`, ctx), cell((Array.isArray(r.indicators) ? r.indicators : []).map(str).join(', '), ctx, 'center')]);
      }
      return rows.length ? [table('results', ctx, [[L(ctx, 'tables.results.goal'), 4], [L(ctx, 'tables.results.result'), 5], [L(ctx, 'tables.results.indicators'), 2, 'center']], rows)] : [];
    }
    case 'activities': {
      const rows = list(data.activities).map((a) => [
        cell(str(a.id), ctx, 'center'),
        cell(str(a.name), ctx),
        cell(str(a.description), ctx),
        cell(a.frequency ? formatFrequency(ctx.labels, a.frequency as { times: number; per: string; minutes?: number }) : L(ctx, 'none'), ctx),
        cell(a.term ? formatDuration(ctx.labels, a.term as { value: number; unit: string }) : L(ctx, 'none'), ctx),
      ]);
      return rows.length
        ? [table('activities', ctx, [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.activities.name'), 3], [L(ctx, 'tables.activities.description'), 6], [L(ctx, 'tables.activities.volume'), 3], [L(ctx, 'tables.activities.term'), 2]], rows)]
        : [];
    }
    case 'timeframes': {
      const rows = list(data.timeframes).map((t) => [cell(str(t.id), ctx, 'center'), cell(str(t.action), ctx), cell(formatDuration(ctx.labels, t.max as { value: number; unit: string }), ctx)]);
      return rows.length ? [table('timeframes', ctx, [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.timeframes.action'), 7], [L(ctx, 'tables.timeframes.max'), 3]], rows)] : [];
    }
    case 'staffing': {
      const rows = list(data.staffing).map((s) => {
        const load = s.caseload as { max: number; unit: string } | undefined;
        return [
          cell(str(s.title), ctx),
          cell(str(s.qualification), ctx),
          cell(str(s.fte), ctx, 'center'),
          cell(load ? `${formatNumber(load.max)} ${ctx.labels.get(`caseloadUnit.${load.unit}`)}` : L(ctx, 'none'), ctx, 'center'),
        ];
      });
      return rows.length ? [table('staffing', ctx, [[L(ctx, 'tables.staffing.role'), 3], [L(ctx, 'tables.staffing.qualification'), 6], [L(ctx, 'tables.staffing.fte'), 2, 'center'], [L(ctx, 'tables.staffing.caseload'), 2, 'center']], rows)] : [];
    }
    case 'standards': {
      const rows: TableCell[][] = [];
      for (const s of list(data.standards)) {
        for (const r of list(s.requirements)) {
          rows.push([cell(str(r.id), ctx, 'center'), cell(`${str(s.statement)} (${ctx.labels.get(`level.${str(s.level)}`)})`, ctx), cell(str(r.text), ctx), cell(str(r.evidence), ctx)]);
        }
      }
      return rows.length
        ? [table('standards', ctx, [[L(ctx, 'tables.code'), 2, 'center'], [L(ctx, 'tables.standards.standard'), 4], [L(ctx, 'tables.standards.requirement'), 4], [L(ctx, 'tables.standards.evidence'), 3]], rows)]
        : [];
    }
    case 'indicators': {
      const rows = list(data.indicators).map((i) => {
        const baseline = i.baseline as { value: number | null; year: number | null } | undefined;
        const target = i.target as { value: number; by: string } | undefined;
        const unit = ctx.labels.get(`unit.${str(i.unit)}`);
        const base = baseline && baseline.value !== null ? `${formatNumber(baseline.value)}${baseline.year ? ` (${baseline.year})` : ''}` : L(ctx, 'notSet');
        const goal = target ? `${formatNumber(target.value)} (${formatDate(target.by, ctx.lang, 'short')})` : L(ctx, 'none');
        return [cell(str(i.id), ctx, 'center'), cell(str(i.name), ctx), cell(unit, ctx, 'center'), cell(base, ctx, 'center'), cell(goal, ctx, 'center'), cell(ctx.labels.get(`frequency.${str(i.frequency)}`), ctx), cell(str(i.source), ctx)];
      });
      return rows.length
        ? [
            table(
              'indicators',
              ctx,
              [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.indicators.name'), 5], [L(ctx, 'tables.indicators.unit'), 2, 'center'], [L(ctx, 'tables.indicators.baseline'), 2, 'center'], [L(ctx, 'tables.indicators.target'), 2, 'center'], [L(ctx, 'tables.indicators.frequency'), 2], [L(ctx, 'tables.indicators.source'), 2]],
              rows,
            ),
          ]
        : [];
    }
    case 'financing': {
      const f = (data.financing ?? {}) as Obj;
      const out: Block[] = [];
      const items = list(f.costItems);
      if (items.length) {
        const total = items.reduce((sum, c) => sum + (typeof c.amount === 'number' ? c.amount : 0), 0);
        const rows = items.map((c) => [cell(str(c.id), ctx, 'center'), cell(str(c.name), ctx), cell(formatNumber(c.amount as number), ctx, 'right')]);
        rows.push([cell('', ctx), cell(L(ctx, 'tables.financing.total'), ctx), cell(formatNumber(Math.round(total * 100) / 100), ctx, 'right')]);
        for (const c of rows[rows.length - 1] as TableCell[]) for (const r of c.runs) if (r.kind === 'text') r.bold = true;
        out.push(table('financing', ctx, [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.financing.item'), 7], [L(ctx, 'tables.financing.amount'), 3, 'right']], rows));
      }
      const norm = f.perCapitaNorm as { amount: number | null; per: string } | undefined;
      const lines: string[] = [];
      if (norm) {
        lines.push(
          norm.amount === null
            ? L(ctx, 'tables.financing.normUnset')
            : ctx.labels.fill('tables.financing.norm', { amount: `${formatNumber(norm.amount)} ${ctx.lang === 'tk' ? 'manat' : 'манат'}`, per: ctx.labels.get(`normPer.${norm.per}`) }),
        );
      }
      if (f.source) lines.push(ctx.labels.fill('tables.financing.source', { source: ctx.labels.get(`fundingSource.${str(f.source)}`) }));
      if (f.userPayment) lines.push(ctx.labels.fill('tables.financing.payment', { payment: ctx.labels.get(`userPayment.${str(f.userPayment)}`) }));
      for (const line of lines) out.push({ type: 'paragraph', style: 'note', runs: textRuns(line, ctx.lang) });
      return out;
    }
    case 'roles': {
      const agencies = new Map(list(data.agencies).map((a) => [str(a.id), str(a.name)]));
      const rows = list(data.roles).map((r) => [cell(str(r.title), ctx), cell(agencies.get(str(r.agency)) ?? str(r.agency), ctx), cell(str(r.responsibilities), ctx)]);
      return rows.length ? [table('roles', ctx, [[L(ctx, 'tables.roles.role'), 3], [L(ctx, 'tables.roles.agency'), 3], [L(ctx, 'tables.roles.duties'), 7]], rows)] : [];
    }
    case 'steps': {
      const roles = new Map(list(data.roles).map((r) => [str(r.id), str(r.title)]));
      const rows = list(data.steps).map((s) => [
        cell(str(s.id), ctx, 'center'),
        cell(str(s.name), ctx),
        cell((Array.isArray(s.actors) ? s.actors : []).map((a) => roles.get(str(a)) ?? str(a)).join('; '), ctx),
        cell(s.maxTime ? formatDuration(ctx.labels, s.maxTime as { value: number; unit: string }) : L(ctx, 'none'), ctx),
        cell((Array.isArray(s.next) ? s.next : []).map(str).join(', ') || L(ctx, 'none'), ctx, 'center'),
      ]);
      return rows.length
        ? [table('steps', ctx, [[L(ctx, 'tables.steps.step'), 1, 'center'], [L(ctx, 'tables.steps.name'), 4], [L(ctx, 'tables.steps.actors'), 4], [L(ctx, 'tables.steps.time'), 2], [L(ctx, 'tables.steps.next'), 2, 'center']], rows)]
        : [];
    }
    case 'referral': {
      const agencies = new Map(list(data.agencies).map((a) => [str(a.id), str(a.name)]));
      const rows = list(data.referralPathway).map((r) => [
        cell(agencies.get(str(r.from)) ?? str(r.from), ctx),
        cell(agencies.get(str(r.to)) ?? str(r.to), ctx),
        cell(str(r.reason), ctx),
        cell(formatDuration(ctx.labels, r.maxTime as { value: number; unit: string }), ctx),
        cell(L(ctx, r.consentRequired ? 'yes' : 'no'), ctx, 'center'),
      ]);
      return rows.length
        ? [table('referral', ctx, [[L(ctx, 'tables.referral.from'), 3], [L(ctx, 'tables.referral.to'), 3], [L(ctx, 'tables.referral.reason'), 5], [L(ctx, 'tables.referral.time'), 2], [L(ctx, 'tables.referral.consent'), 2, 'center']], rows)]
        : [];
    }
    case 'forms': {
      const rows = list(data.forms).map((f) => [cell(str(f.id), ctx, 'center'), cell(str(f.name), ctx)]);
      return rows.length ? [table('forms', ctx, [[L(ctx, 'tables.code'), 1, 'center'], [L(ctx, 'tables.forms.name'), 8]], rows)] : [];
    }
  }
}

export type { Run };

/** The number as an ordinal of the language: "6-njy" in Turkmen (vowel harmony), the digits in Russian. */
export function ordinalOf(n: number, lang: Lang): string {
  return lang === 'tk' ? tkOrdinal(String(n)) : String(n);
}
