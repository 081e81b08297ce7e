// A deterministic synthetic corpus: service specifications of ~2,400 words in Turkmen and Russian,
// valid and in parity, shaped like the real ones (14 sections, numbered clauses, lettered items,
// front matter with indicators, standards and staffing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TK = 'durmuş hyzmaty peýdalanyjy etrap hünärmen maşgala çaga goldaw kömek meýilnama baha bermek zerurlyk hukuk şertnama ýaşaýyş öý jemgyýet gözegçilik hasabat maglumat gizlinlik razylyk ugrukdyrma edara saglyk bilim polisiýa häkimlik ministrlik düzgün tertip möhlet gün hepde aý ýyl netije görkeziji standart hil işgär taýýarlyk bilim tejribe maýyplyk garry ýalňyz zorluk howpsuzlyk maslahat psihologiki hukuk çeşme býujet manat hyzmatdaş guramasy ýüz tutmak kabul etmek seretmek tassyklamak amala aşyrmak üpjün etmek berilýär bellenilýär kesgitlenilýär ýerine ýetirilýär alnyp barylýar we bilen üçin boýunça laýyklykda degişli hökmany zerur ähli her bir şol sanda'.split(' ');
const RU = 'социальная услуга получатель этрап специалист семья ребёнок поддержка помощь план оценка потребность право договор проживание дом сообщество мониторинг отчёт информация конфиденциальность согласие направление учреждение здравоохранение образование полиция хякимлик министерство положение порядок срок день неделя месяц год результат показатель стандарт качество работник подготовка образование опыт инвалидность пожилой одинокий насилие безопасность консультация психологический правовой источник бюджет манат партнёр организация обращение приём рассмотрение утверждение осуществление обеспечение предоставляется устанавливается определяется выполняется ведётся и с для по в соответствии соответствующий обязательный необходимый все каждый в том числе'.split(' ');

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = [
  ['general', 'Umumy düzgünler', 'Общие положения'],
  ['description', 'Hyzmatyň beýany', 'Описание услуги'],
  ['target', 'Maksatly toparlar we hyzmaty almagyň esaslary', 'Целевые группы и основания для получения услуги'],
  ['goals', 'Maksatlar we garaşylýan netijeler', 'Цели и ожидаемые результаты'],
  ['activities', 'Hyzmatyň mazmuny we göwrümi', 'Содержание и объём услуги'],
  ['pathway', 'Hyzmaty almagyň tertibi', 'Порядок получения услуги'],
  ['timeframes', 'Möhletler', 'Сроки'],
  ['staffing', 'Işgärler', 'Кадровое обеспечение'],
  ['standards', 'Esasy we hil standartlary', 'Базовые стандарты и стандарты качества'],
  ['indicators', 'Görkezijiler', 'Показатели'],
  ['conditions', 'Hyzmat etmegiň şertleri, şol sanda elýeterlilik', 'Условия предоставления, в том числе доступность'],
  ['financing', 'Maliýeleşdirmek', 'Финансирование'],
  ['rights', 'Peýdalanyjylaryň hukuklary we şikaýatlara seretmek', 'Права получателей и рассмотрение жалоб'],
  ['records', 'Hasaba alyş, hasabatlylyk we gizlinlik', 'Учёт, отчётность и конфиденциальность'],
];

/** A sentence of `n` words with the given numbers placed in it. */
function sentence(words, pick, n, numbers) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(pick() * words.length)]);
  numbers.forEach((num, i) => out.splice(Math.min(out.length, 2 + i * 3), 0, String(num)));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function frontMatter(id, lang, shape) {
  const t = (tk, ru) => JSON.stringify(lang === 'tk' ? tk : ru);
  const pick = rng(shape.seed * 7 + (lang === 'tk' ? 1 : 2));
  const text = (n) => JSON.stringify(sentence(lang === 'tk' ? TK : RU, pick, n, []));
  const lines = [
    '---',
    `id: ${id}`,
    'kind: service-specification',
    `lang: ${lang}`,
    `title: ${t(`Synag hyzmatynyň standarty ${shape.seed}`, `Стандарт пробной услуги ${shape.seed}`)}`,
    'version: "0.1.0"',
    'status: draft',
    'dates: { created: "2026-09-01", updated: "2026-11-01" }',
    `owner: { org: mlsp, name: ${t('Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi', 'Министерство труда и социальной защиты населения Туркменистана')} }`,
    'approval:',
    '  instrument: order',
    `  authority: { org: mlsp, name: ${t('Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi', 'Министерство труда и социальной защиты населения Туркменистана')} }`,
    '  number: null',
    '  date: null',
    `  signatory: { title: ${t('Ministr', 'Министр')}, name: null }`,
    `basis: { figures: illustrative, note: ${text(10)} }`,
    'service: { level: secondary, forms: [home, community], types: [socio-household, socio-psychological], provider: { sector: ngo, procurement: state-contract }, capacity: { users: 40, per: service-unit } }',
    'targetGroups: [adults-with-disabilities, older-persons-alone]',
    'eligibility:',
    '  basis: recognised-in-need',
    '  criteria:',
    ...[1, 2, 3, 4].map((i) => `    - { id: EL${i}, text: ${text(14)} }`),
    'exclusions:',
    ...[1, 2].map((i) => `    - { id: EX${i}, text: ${text(12)} }`),
    'referralSources: [self, family, etrap-social-worker, health]',
    'goals:',
    ...[1, 2, 3].map((i) => `  - { id: G${i}, text: ${text(12)} }`),
    'expectedResults:',
    ...[1, 2, 3].map((i) => `  - { id: R${i}, goal: G${i}, text: ${text(12)}, indicators: [I${i}] }`),
    'activities:',
    ...[1, 2, 3, 4, 5].map((i) => `  - { id: A${i}, name: ${text(3)}, description: ${text(20)}, frequency: { times: ${i}, per: week, minutes: ${30 * i} }, term: { value: 6, unit: months } }`),
    'timeframes:',
    ...[1, 2, 3].map((i) => `  - { id: T${i}, action: ${text(10)}, max: { value: ${i * 5}, unit: working-days } }`),
    'staffing:',
    ...[1, 2, 3].map((i) => `  - { id: ST${i}, role: role-${i}, title: ${text(2)}, qualification: ${text(16)}, fte: ${i}, caseload: { max: ${10 * i}, unit: users } }`),
    'supervision: { frequency: monthly, by: ' + text(3) + ' }',
    'standards:',
    ...[1, 2, 3, 4].flatMap((i) => [`  - id: M${i}.S1`, '    module: access', `    level: ${i % 2 ? 'basic' : 'quality'}`, `    statement: ${text(14)}`, '    requirements:', ...[1, 2].map((j) => `      - { id: M${i}.S1.R${j}, text: ${text(12)}, evidence: ${text(8)} }`)]),
    'indicators:',
    ...[1, 2, 3].flatMap((i) => [`  - id: I${i}`, `    name: ${text(8)}`, '    type: outcome', '    unit: percent', `    numerator: ${text(6)}`, `    denominator: ${text(6)}`, '    baseline: { value: null, year: null }', `    target: { value: ${60 + i * 10}, by: "2027-12-31" }`, '    frequency: quarterly', `    source: ${text(3)}`, '    disaggregation: [sex, age-group, etrap]']),
    'financing:',
    '  source: state-social-contract',
    '  userPayment: free',
    '  perCapitaNorm: { amount: 450, currency: TMT, per: user-month }',
    '  costItems:',
    ...[1, 2, 3, 4].map((i) => `    - { id: C${i}, name: ${text(3)}, amount: ${i * 12000} }`),
    '---',
    '',
  ];
  return lines.join('\n');
}

function body(lang, shape) {
  const words = lang === 'tk' ? TK : RU;
  const pick = rng(shape.seed * 13 + (lang === 'tk' ? 3 : 4));
  const out = [];
  for (const [s, [id, tk, ru]] of SECTIONS.entries()) {
    out.push(`## ${lang === 'tk' ? tk : ru} {#${id}}`, '');
    for (const [c, clause] of shape.sections[s].entries()) {
      const lead = c === 0 ? `{#${id}-first} ` : '';
      out.push(`1. ${lead}${clause.map((nums) => sentence(words, pick, 6, nums)).join(' ')}`.replace(/^1\./, c === 0 ? '1.' : '1.'));
      if (c === 1) {
        out.push(`   1. ${sentence(words, pick, 10, [])}`);
        out.push(`   1. ${sentence(words, pick, 10, [])} [](#${id}-first)`);
      }
      if (c === 2) for (let k = 0; k < 3; k++) out.push(`   - ${sentence(words, pick, 8, [])}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The language-independent shape of one document: clause counts and the numbers in each clause. */
function shapeOf(seed) {
  const pick = rng(seed);
  return {
    seed,
    sections: SECTIONS.map(() => Array.from({ length: 3 + Math.floor(pick() * 1.5) }, () => Array.from({ length: 3 }, () => (pick() < 0.3 ? [Math.floor(pick() * 100)] : [])))),
  };
}

/** Writes `documents` synthetic documents (both languages) under `root/specs/services/`. */
export function writeCorpus(root, documents) {
  for (let i = 0; i < documents; i++) {
    const id = `synthetic-${String(i).padStart(4, '0')}`;
    const dir = join(root, 'specs', 'services', id);
    mkdirSync(dir, { recursive: true });
    const shape = shapeOf(i + 1);
    for (const lang of ['tk', 'ru']) writeFileSync(join(dir, `${lang}.md`), frontMatter(id, lang, shape) + '\n' + body(lang, shape));
  }
}

export function wordCount(text) {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
