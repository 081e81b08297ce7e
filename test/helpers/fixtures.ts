/**
 * A minimal valid service specification in both languages. Rule tests change one thing in it
 * and assert the one diagnostic that change must cause, at its exact position.
 */
const sectionsTk = [
  ['general', 'Umumy düzgünler'],
  ['description', 'Hyzmatyň beýany'],
  ['target', 'Maksatly toparlar we hyzmaty almagyň esaslary'],
  ['goals', 'Maksatlar we garaşylýan netijeler'],
  ['activities', 'Hyzmatyň mazmuny we göwrümi'],
  ['pathway', 'Hyzmaty almagyň tertibi'],
  ['timeframes', 'Möhletler'],
  ['staffing', 'Işgärler'],
  ['standards', 'Esasy we hil standartlary'],
  ['indicators', 'Görkezijiler'],
  ['conditions', 'Hyzmat etmegiň şertleri'],
  ['financing', 'Maliýeleşdirmek'],
  ['rights', 'Peýdalanyjylaryň hukuklary'],
  ['records', 'Hasaba alyş we gizlinlik'],
] as const;

const sectionsRu: Record<string, string> = {
  general: 'Общие положения',
  description: 'Описание услуги',
  target: 'Целевые группы',
  goals: 'Цели и ожидаемые результаты',
  activities: 'Содержание и объём услуги',
  pathway: 'Порядок получения услуги',
  timeframes: 'Сроки',
  staffing: 'Кадровое обеспечение',
  standards: 'Стандарты',
  indicators: 'Показатели',
  conditions: 'Условия предоставления',
  financing: 'Финансирование',
  rights: 'Права получателей',
  records: 'Учёт и конфиденциальность',
};

export type Lang = 'tk' | 'ru';

const T = {
  tk: { title: 'Synag hyzmatynyň standarty', org: 'Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi', minister: 'Ministr', text: 'Tekst', crit: 'Ýaşy 18-den uly adam.', goal: 'Garaşsyz durmuşy goldamak.', res: 'Peýdalanyjy öýde ýaşaýar.', act: 'Öýde kömek', actd: 'Hepdede 3 gezek kömek berilýär.', staff: 'Şahsy kömekçi', qual: 'Orta hünär bilimi we 72 sagatlyk taýýarlyk.', std: 'Hyzmat elýeterlidir.', req: 'Maglumat berilýär.', ev: 'Maglumat kagyzy.', ind: 'Öýde galan peýdalanyjylaryň paýy', src: 'Işiň ýazgylary', basis: 'Sanlar mysal hökmünde berilýär.' },
  ru: { title: 'Стандарт пробной услуги', org: 'Министерство труда и социальной защиты населения Туркменистана', minister: 'Министр', text: 'Текст', crit: 'Лицо старше 18 лет.', goal: 'Поддержка независимой жизни.', res: 'Получатель живёт дома.', act: 'Помощь на дому', actd: 'Помощь оказывается 3 раза в неделю.', staff: 'Личный ассистент', qual: 'Среднее профессиональное образование и подготовка 72 часа.', std: 'Услуга доступна.', req: 'Предоставляется информация.', ev: 'Информационный листок.', ind: 'Доля получателей, оставшихся дома', src: 'Записи по случаям', basis: 'Цифры приведены для примера.' },
};

/** Front matter lines of the valid fixture (line 1 is "---"). */
export function frontMatter(lang: Lang, id = 'demo'): string {
  const t = T[lang];
  return `---
id: ${id}
kind: service-specification
lang: ${lang}
title: "${t.title}"
version: "0.1.0"
status: draft
dates:
  created: "2026-10-01"
  updated: "2026-11-01"
owner:
  org: mlsp
  name: "${t.org}"
approval:
  instrument: order
  authority: { org: mlsp, name: "${t.org}" }
  number: null
  date: null
  signatory: { title: "${t.minister}", name: null }
basis: { figures: illustrative, note: "${t.basis}" }
service:
  level: secondary
  forms: [home]
  types: [socio-household]
  provider: { sector: ngo, procurement: state-contract }
targetGroups: [adults-with-disabilities]
eligibility:
  basis: recognised-in-need
  criteria:
    - { id: EL1, text: "${t.crit}" }
referralSources: [self, etrap-social-worker]
goals:
  - { id: G1, text: "${t.goal}" }
expectedResults:
  - { id: R1, goal: G1, text: "${t.res}", indicators: [I1] }
activities:
  - { id: A1, name: "${t.act}", description: "${t.actd}", frequency: { times: 3, per: week, minutes: 60 } }
staffing:
  - { id: ST1, role: personal-assistant, title: "${t.staff}", qualification: "${t.qual}", fte: 2, caseload: { max: 4, unit: users } }
standards:
  - id: M1.S1
    module: access
    level: basic
    statement: "${t.std}"
    requirements:
      - { id: M1.S1.R1, text: "${t.req}", evidence: "${t.ev}" }
indicators:
  - id: I1
    name: "${t.ind}"
    type: outcome
    unit: percent
    baseline: { value: null, year: null }
    target: { value: 80, by: "2027-12-31" }
    frequency: quarterly
    source: "${t.src}"
    disaggregation: [sex, age-group]
financing:
  source: state-budget
  userPayment: free
  perCapitaNorm: { amount: 450, currency: TMT, per: user-month }
---
`;
}

/** The body: every required section; the general section has two clauses, one with an id. */
export function body(lang: Lang): string {
  const out: string[] = [];
  for (const [id, tk] of sectionsTk) {
    out.push(`## ${lang === 'tk' ? tk : sectionsRu[id]} {#${id}}`, '');
    if (id === 'general') {
      out.push(lang === 'tk' ? '1. {#scope} Şu Standart 25 % we 2021-nji ýylyň 18-nji dekabrynda.' : '1. {#scope} Настоящий Стандарт 25 % и 18 декабря 2021 года.');
      out.push(lang === 'tk' ? '2. Ikinji bent [](#scope).' : '2. Второй пункт [](#scope).', '');
    } else out.push(`${T[lang].text}.`, '');
  }
  return out.join('\n');
}

export function spec(lang: Lang, id = 'demo'): string {
  return frontMatter(lang, id) + '\n' + body(lang);
}

/** Both language files of a valid document under specs/services/<id>/. */
export function validDocument(id = 'demo'): Record<string, string> {
  return { [`specs/services/${id}/tk.md`]: spec('tk', id), [`specs/services/${id}/ru.md`]: spec('ru', id) };
}

/** The 1-based line number of the first line containing `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in fixture`);
  return i + 1;
}

/** The 1-based column of `needle` on its line. */
export function colOf(text: string, needle: string): number {
  const line = text.split('\n').find((l) => l.includes(needle)) as string;
  return line.indexOf(needle) + 1;
}
