/**
 * Realistic sample models for the PDF renderer tests: a Turkmen service specification (~2,400
 * words: approval block, title, TOC, sections, clauses at three depths, lettered items, a 34-row
 * table, footnotes, cross-references, an annex) and its Russian counterpart (shorter). The text is
 * taken from specs/services/care-leavers.
 *
 * Inline markup in the strings below (only here, to keep the fixture readable): **bold**,
 * _italic_, ***bold italic***, [text](#anchor) internal link, [text](https://…) external link, ^N footnote N.
 */
import type { Block, DocModel, HeadingBlock, ParagraphBlock, Run, TableBlock, TocEntry } from '../../../src/model/types.js';

const NBSP = '\u00a0';

/** Parses the fixture's inline markup into runs. */
export function runs(source: string): Run[] {
  const out: Run[] = [];
  const pattern = /\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|_(\p{L}[^_]*?)_|\[(.+?)\]\((#?)(.+?)\)|\^(\d+)/gu;
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last) out.push({ kind: 'text', text: source.slice(last, match.index) });
    if (match[1] !== undefined) out.push({ kind: 'text', text: match[1], bold: true, italic: true });
    else if (match[2] !== undefined) out.push({ kind: 'text', text: match[2], bold: true });
    else if (match[3] !== undefined) out.push({ kind: 'text', text: match[3], italic: true });
    else if (match[4] !== undefined) {
      out.push(match[5] ? { kind: 'text', text: match[4], anchor: match[6] as string } : { kind: 'text', text: match[4], href: match[6] as string });
    } else out.push({ kind: 'footnote', number: Number(match[7]) });
    last = match.index + match[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
}

const LETTERS = { tk: ['a', 'b', 'ç', 'd', 'e', 'ä', 'f', 'g'], ru: ['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з'] };

/** A clause with optional sub-clauses (depth 1, and depth 2 below those) and lettered items. */
interface Clause {
  text: string;
  anchor?: string;
  sub?: Clause[];
  items?: string[];
  continuation?: string;
}

interface Section {
  title: string;
  anchor: string;
  clauses: Clause[];
  sub?: { title: string; anchor: string; clauses: Clause[] };
  table?: TableBlock;
}

function heading(level: 1 | 2 | 3, label: string | undefined, text: string, anchor: string): HeadingBlock {
  return { type: 'heading', level, ...(label ? { label } : {}), runs: runs(text), anchor, outline: true };
}

function para(style: ParagraphBlock['style'], text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return { type: 'paragraph', style, runs: runs(text), ...extra };
}

function clauses(list: Clause[], prefix: string, depth: number, lang: 'tk' | 'ru', out: Block[]): void {
  list.forEach((clause, index) => {
    const label = `${prefix}${index + 1}.`;
    out.push(para('clause', clause.text, { label, depth, numbering: { ref: 'clauses', level: depth + 1 }, ...(clause.anchor ? { anchor: clause.anchor } : {}) }));
    clause.items?.forEach((item, i) => out.push(para('item', item, { label: `${LETTERS[lang][i]})`, depth: depth + 1 })));
    if (clause.continuation) out.push(para('continuation', clause.continuation, { depth }));
    if (clause.sub) clauses(clause.sub, label, depth + 1, lang, out);
  });
}

function sections(list: Section[], lang: 'tk' | 'ru'): { blocks: Block[]; toc: TocEntry[] } {
  const blocks: Block[] = [];
  const toc: TocEntry[] = [];
  list.forEach((section, index) => {
    const label = `${index + 1}.`;
    blocks.push(heading(1, label, section.title, section.anchor));
    toc.push({ level: 1, text: `${label} ${section.title}`, anchor: section.anchor });
    clauses(section.clauses, label, 0, lang, blocks);
    if (section.sub) {
      blocks.push(heading(2, undefined, section.sub.title, section.sub.anchor));
      toc.push({ level: 2, text: section.sub.title, anchor: section.sub.anchor });
      clauses(section.sub.clauses, `${label}${section.clauses.length + 1}.`, 1, lang, blocks);
    }
    if (section.table) blocks.push(section.table);
  });
  return { blocks, toc };
}

function table(caption: string, header: string[], widths: number[], rows: string[][], anchor: string): TableBlock {
  return {
    type: 'table',
    caption: runs(caption),
    columns: widths.map((width, i) => ({ width, ...(i === 0 ? { align: 'center' as const } : {}) })),
    header: header.map((text) => ({ runs: runs(text) })),
    rows: rows.map((row) => row.map((text) => ({ runs: runs(text) }))),
    anchor,
  };
}

// ---------------------------------------------------------------------------------------------
// Turkmen
// ---------------------------------------------------------------------------------------------

const TK_ROWS: string[][] = [
  ['A1', 'Edaradan çykmaga taýýarlyk', 'Aýda 2 gezek, 60 minut', '12 aý'],
  ['A2', 'Garaşsyz ýaşamak endiklerine öwretmek', 'Hepdede 1 gezek, 90 minut', '6 aý'],
  ['A3', 'Ýaşaýyş jaý goldawy', 'Bir ýagdaýa 6 gezek, 120 minut', 'Zerurlyga görä'],
  ['A4', 'Bilim we hünär taýýarlygy boýunça goldaw', 'Aýda 2 gezek, 60 minut', 'Zerurlyga görä'],
  ['A5', 'Işe ýerleşmäge goldaw', 'Aýda 2 gezek, 60 minut', 'Zerurlyga görä'],
  ['A6', 'Halypaçylyk', 'Hepdede 1 gezek, 60 minut', '12 aý'],
  ['A7', 'Resminamalar we hukuk goldawy', 'Bir ýagdaýa 4 gezek, 90 minut', 'Zerurlyga görä'],
  ['A8', 'Psihologik-durmuş maslahat bermek', 'Aýda 2 gezek, 50 minut', 'Zerurlyga görä'],
  ['A9', 'Edaradan çykandan soňky yzarlaýyş goldawy', 'Aýda 1 gezek, 45 minut', '12 aý'],
  ['T1', 'Etrap durmuş işi gullugy internat edarasyndan edaradan çykmaly ýaşlaryň sanawyny alan gününden ýaşy Hyzmata ugrukdyrýar', 'Iň köp 5 iş güni', '–'],
  ['T2', 'Ugrukdyrma alnan gününden ýaş bilen ilkinji duşuşyk geçirilýär', 'Iň köp 5 iş güni', '–'],
  ['T3', 'Ugrukdyrma alnan gününden ilkinji baha bermek tamamlanýar', 'Iň köp 10 iş güni', '–'],
  ['T4', 'Ilkinji baha bermekden soň giňişleýin baha bermek we garaşsyz durmuşa geçiş meýilnamasy düzülýär', 'Iň köp 30 gün', '–'],
  ['T5', 'Edaradan çykan günü ýaşaýyş jaýy bolmadyk ýaşa wagtlaýyn ýaşaýyş ýeri berilýär', 'Iň köp 1 gün', '–'],
  ['T6', 'Garaşsyz durmuşa geçiş meýilnamasy gözden geçirilýär (iň uly aralyk)', 'Iň köp 3 aý', '–'],
  ['T7', 'Şikaýata seredilip, ýazmaça jogap berilýär', 'Iň köp 10 iş güni', '–'],
  ['ST1', 'Durmuş işi boýunça hünärmen (ýagdaý boýunça işi alyp baryjy)', '2 ştat birligi', 'Bir wagtda 15 ýaş'],
  ['ST2', 'Garaşsyz ýaşamak endikleri boýunça durmuş pedagogy', '1 ştat birligi', '–'],
  ['ST3', 'Psiholog', '0,5 ştat birligi', 'Bir wagtda 20 ýaş'],
  ['ST4', 'Bilim we işe ýerleşmek boýunça maslahatçy', '0,5 ştat birligi', '–'],
  ['ST5', 'Halypalary utgaşdyryjy', '0,5 ştat birligi', '–'],
  ['ST6', 'Hyzmatyň ýolbaşçysy (superwizor)', '1 ştat birligi', '–'],
  ['I1', 'Hyzmatdan peýdalanan ýaşlaryň sany (ýylda)', 'Başlangyç 10 (2022)', '40'],
  ['I2', 'Ilkinji baha bermekden soň 30 günüň dowamynda garaşsyz durmuşa geçiş meýilnamasy düzülen ýaşlaryň paýy', 'Göterim', '90 %'],
  ['I3', 'Edaradan çykandan soň 12 aýyň dowamynda durnukly we howpsuz ýaşaýyş jaýynda ýaşaýan ýaşlaryň paýy', 'Göterim', '85 %'],
  ['I4', 'Bilim alýan, hünär taýýarlygyndan geçýän ýa-da işleýän ýaşlaryň paýy', 'Göterim', '70 %'],
  ['I5', 'Halypasy bolan ýaşlaryň paýy', 'Göterim', '60 %'],
  ['I6', 'Şahsyýetini tassyklaýan resminamalary wagtynda alan ýaşlaryň paýy', 'Göterim', '95 %'],
  ['I7', 'Hyzmatdan kanagatlanýan ýaşlaryň paýy', 'Göterim', '80 %'],
  ['C1', 'Işgärleriň zähmet haky we salgytlar', `218${NBSP}400 manat`, 'Ýylda'],
  ['C2', 'Synag öýüniň kärendesi we kommunal tölegler', `28${NBSP}800 manat`, 'Ýylda'],
  ['C3', 'Garaşsyz durmuşa başlamak üçin öý goşlary toplumy', `21${NBSP}000 manat`, 'Ýylda'],
  ['C4', 'Ulag çykdajylary', `9${NBSP}600 manat`, 'Ýylda'],
  ['C5', 'Okuw we superwiziýa', `16${NBSP}800 manat`, 'Ýylda'],
];

const TK_SECTIONS: Section[] = [
  {
    title: 'Umumy düzgünler',
    anchor: 'general',
    clauses: [
      {
        anchor: 'scope',
        text: 'Şu spesifikasiýa «Internat edaralaryndan çykýan ýaşlara durmuş goldawy» hyzmatynyň (mundan beýläk – **Hyzmat**) mazmunyny, göwrümini, berlişiniň tertibini we möhletlerini, işgärlere, hile we maliýeleşdirmäge bildirilýän talaplary kesgitleýär.',
      },
      {
        anchor: 'legal-basis',
        text: `Hyzmat 2021-nji ýylyň 18-nji dekabryndaky №${NBSP}434-VI belgili «Durmuş hyzmatlary hakynda» Türkmenistanyň Kanunyna^1, Türkmenistanyň Ilaty durmuş taýdan goramak hakynda kodeksine, Türkmenistanyň Maşgala kodeksine we Etrap durmuş işi gullugy hakynda düzgünnama laýyklykda berilýär.`,
      },
      {
        text: 'Hyzmat etrap durmuş işi gullugynyň ugrukdyrmasy boýunça berilýän **ýöriteleşdirilen** _hyzmatdyr_ we hyzmatlaryň ikinji derejesine degişlidir; onuň berlişi [3.2. bendinde](#eligibility) görkezilen şertlere laýyklykda amala aşyrylýar.',
      },
      {
        anchor: 'definitions',
        text: 'Şu spesifikasiýada ulanylýan esasy adalgalar:',
        items: [
          'internat edarasy – ýetim çagalar we ata-enesiniň hossarlygyndan mahrum bolan çagalar üçin gije-gündiz saklanylýan edara (çagalar öýi, mekdep-internat, ýöriteleşdirilen internat);',
          'ýaş – internat edarasyndan çykmaga taýýarlanýan ýa-da ondan çykan, Hyzmatdan peýdalanýan adam;',
          'garaşsyz durmuşa geçiş meýilnamasy – ýaşyň özüniň gatnaşmagynda düzülýän, edaradan çykmaga taýýarlygy we çykandan soňky goldawy öz içine alýan şahsy goldaw meýilnamasy;',
          'halypa – saýlap alnan, taýýarlykdan geçen we ýaş bilen meýletinlik esasynda yzygiderli duşuşýan uly adam;',
          'synag öýi – ýaşlaryň işgärleriň goldawy bilen garaşsyz ýaşamagy öwrenýän wagtlaýyn ýaşaýyş jaýy.',
        ],
      },
      {
        text: 'Hyzmat Türkmenistanyň Hökümeti bilen Birleşen Milletler Guramasynyň Bilelikdäki maksatnamasynyň çäklerinde synagdan geçirilen 12 ýöriteleşdirilen hyzmatyň biridir: 2021-nji ýylyň iýulyndan 2022-nji ýylyň martyna çenli hyzmatdan 10 ýaş peýdalandy^2.',
      },
    ],
  },
  {
    title: 'Hyzmatyň beýany',
    anchor: 'description',
    clauses: [
      {
        anchor: 'purpose',
        text: 'Hyzmat internat edarasyndan çykýan ýaşyň çagalyk döwründe edarada alan goldawyndan garaşsyz uly durmuşa geçmeginiň howpsuz, meýilleşdirilen we ýaşyň özüniň gatnaşmagynda bolmagyny üpjün edýär.',
      },
      {
        text: 'Hyzmat 3 tapgyrda berilýär:',
        sub: [
          {
            anchor: 'stage-preparation',
            text: 'taýýarlyk tapgyry – ýaş edaradan çykmazdan 12 aý öň başlanýar;',
            sub: [
              { text: 'taýýarlyk tapgyrynda ýaş, internat edarasynyň işgärleri we hossarlyk edarasy bilen bilelikde zerurlyklara baha berilýär;' },
              { text: 'garaşsyz durmuşa geçiş meýilnamasy düzülýär, ýaşaýan ýeri saýlanýar we çykýan güni meýilleşdirilýär.' },
            ],
          },
          { anchor: 'stage-transition', text: 'geçiş we işjeň goldaw tapgyry – edaradan çykan gününden başlap 24 aýa çenli dowam edýär;' },
          { anchor: 'stage-follow-up', text: 'yzarlaýyş tapgyry – işjeň goldaw tamamlanandan soň azyndan 12 aý, emma ýaş 23 ýaşa ýetýänçä dowam edýär.' },
        ],
      },
      {
        text: 'Hyzmat jemgyýetçilik merkezinde, ýaşyň ýaşaýan ýerinde, synag öýünde we ýaşyň okaýan ýa-da işleýän ýerinde berilýär; ol garaşsyz ýaşamak endiklerine öwretmegi, ýaşaýyş jaý goldawyny, bilim we işe ýerleşmek boýunça goldawy, halypaçylygy, resminamalar we hukuk goldawyny hem-de psihologik-durmuş maslahatyny öz içine alýar.',
        continuation: 'Hyzmatyň anyk göwrümi her ýaş üçin garaşsyz durmuşa geçiş meýilnamasynda kesgitlenýär we [1-nji tablisada](#services-table) görkezilen ululykdan az bolup bilmez.',
      },
      {
        text: 'Hyzmaty döwlet durmuş hyzmatlary edarasy ýa-da döwlet durmuş sargydy esasynda jemgyýetçilik guramasy berýär; goşmaça maglumat ministrligiň [resmi saýtynda](https://mlsp.gov.tm/hyzmatlar) ýerleşdirilýär.',
      },
      {
        text: 'Hyzmat maşgala ýa-da maşgala görnüşli terbiýä gaýdyp gelmegiň mümkinçiligini aradan aýyrmaýar: eger baha bermek ýaşyň maşgalasyna howpsuz gaýdyp gelmeginiň mümkindigini görkezse, garaşsyz durmuşa geçiş meýilnamasy maşgala bilen gatnaşyklary dikeltmegi öz içine alýar.',
      },
    ],
  },
  {
    title: 'Maksatly toparlar we hyzmaty almagyň esaslary',
    anchor: 'target',
    clauses: [
      {
        anchor: 'target-group',
        text: 'Hyzmat 16 ýaşdan 23 ýaşa çenli internat edaralaryndan çykýan we çykan ýaşlar üçin niýetlenendir; maýyplygy bolan ýaşlar Hyzmatdan beýlekiler bilen deň esasda peýdalanýarlar.',
      },
      {
        anchor: 'eligibility',
        text: 'Hyzmat ýaşyň durmuş hyzmatlaryna mätäç diýlip ykrar edilmegi esasynda berilýär; hyzmaty almagyň şertleri şulardyr:',
        items: [
          'internat edarasynda azyndan 12 aý ýaşan we edaradan 12 aýyň dowamynda çykmaly ýa-da soňky 36 aýyň dowamynda çykan 16 ýaşdan 23 ýaşa çenli ýaş;',
          'ýetim ýa-da ata-enesiniň hossarlygyndan mahrum bolan ýaş, şeýle hem edaradan çykandan soň maşgalasyna gaýdyp gelen we goşmaça goldawa mätäçligi ýüze çykarylan ýaş;',
          'şahsy zerurlyklaryna baha bermegiň netijesinde ýaşaýyş jaý, bilim, işe ýerleşmek, resminamalar ýa-da garaşsyz ýaşamak endikleri boýunça kyn durmuş ýagdaýy anyklanan ýaş;',
          'ýaşyň hyzmaty almaga ýazmaça razylygy, 18 ýaşa ýetmedik ýaş üçin bolsa onuň kanuny wekiliniň razylygy hem bar.',
        ],
      },
      {
        text: 'Hyzmata ugrukdyryp bilýänler: internat edarasy, hossarlyk we howandarlyk edarasy, etrap durmuş işi boýunça hünärmeni, bilim edaralary, häkimlik, jemgyýetçilik guramalary; ýaş özi hem ýüz tutup bilýär.',
      },
      {
        anchor: 'exclusions',
        text: 'Hyzmatdan ýüz dönderilen her bir ýagdaýda ýaşa sebäbi **ýazmaça** düşündirilýär we ol başga hyzmata ugrukdyrylýar; agyr maýyplygy sebäpli gije-gündiz hyzmata mätäç ýaş şahsy kömekçi hyzmatyna ugrukdyrylýar.',
      },
    ],
  },
  {
    title: 'Hyzmatyň mazmuny we göwrümi',
    anchor: 'activities',
    clauses: [
      {
        text: 'Hyzmatyň düzümine girýän hyzmatlar (A1–A9), olaryň göwrümi we möhleti [1-nji tablisada](#services-table) görkezilýär; anyk göwrüm her ýaş üçin garaşsyz durmuşa geçiş meýilnamasynda kesgitlenýär.',
      },
      {
        anchor: 'independent-living',
        text: 'Garaşsyz ýaşamak endiklerine öwretmek (A2) azyndan şu ugurlary öz içine alýar:',
        items: [
          'girdejini we çykdajylary meýilleşdirmek, tölegleri we karzlary dolandyrmak;',
          'nahar bişirmek, arassaçylyk we öý hojalygy;',
          'saglygy goramak, lukmançylyk hyzmatlaryna, şol sanda ýaşlara niýetlenen reproduktiw saglyk hyzmatlaryna ýüz tutmak;',
          'döwlet edaralaryna, banklara we işe ýerleşdiriş gulluklaryna ýüz tutmak;',
          'şahsy howpsuzlyk, zorlugyň we ekspluatasiýanyň öňüni almak.',
        ],
      },
      {
        anchor: 'housing',
        text: 'Ýaşaýyş jaý goldawy (A3) ýaşyň kanunçylyga laýyklykda ýaşaýyş jaýyna bolan hukugyny anyklamakdan başlanýar; hünärmen ýaşyň adyndan häkimlige ýüz tutmaga kömek edýär we häkimligiň jogabyna gözegçilik edýär. Hemişelik ýaşaýyş jaýy berilýänçä ýaşa synag öýünde 6 aýa çenli wagtlaýyn ýaşaýyş ýeri berlip bilner.',
      },
      {
        anchor: 'mentoring',
        text: 'Halypalar ýaşyň razylygy bilen saýlanýar; halypa bolmak isleýän adam söhbetdeşlikden, ygtybarlylyk barlagyndan we azyndan 8 sagatlyk taýýarlykdan geçýär we çagalaryň we ýaşlaryň howpsuzlygy boýunça düzgünlere gol çekýär. Halypa hünärmeniň ornuny tutmaýar we ýaş barada gizlin maglumatlary diňe ýaşyň razylygy bilen alýar.',
      },
      {
        anchor: 'follow-up',
        text: 'Yzarlaýyş goldawy (A9) döwründe ýaşyň ýagdaýy ýaramazlaşsa (ýaşaýyş jaýyny ýitirmek, işden çykmak, saglyk ýa-da hukuk bilen bagly kynçylyklar), ýagdaý işjeň goldawa gaýtadan geçirilýär we meýilnama 10 iş gününiň dowamynda täzelenýär.',
      },
    ],
    sub: {
      title: 'Hyzmatlaryň, möhletleriň we işgärleriň sanawy',
      anchor: 'services-list',
      clauses: [
        {
          text: 'Hyzmatlaryň, möhletleriň, işgärleriň, görkezijileriň we çykdajylaryň jemlenen sanawy aşakdaky tablisada getirilýär; **ähli** sanlar _şertli_ (illýustratiw) ululyklardyr^3.',
        },
      ],
    },
    table: table(
      'Tablisa 1. Hyzmatlar, möhletler, işgärler, görkezijiler we çykdajylar',
      ['Kod', 'Ady', 'Göwrümi ýa-da ululygy', 'Möhleti ýa-da maksady'],
      [1, 5, 2.4, 2],
      TK_ROWS,
      'services-table',
    ),
  },
  {
    title: 'Hyzmaty almagyň tertibi',
    anchor: 'pathway',
    clauses: [
      {
        anchor: 'identification',
        text: 'Internat edarasy her çärýekde edaradan 12 aýyň dowamynda çykmaly ýaşlaryň sanawyny etrap durmuş işi gullugyna we Hyzmaty berijä iberýär; ýagdaýlar Işi alyp barmagyň tertibine laýyklykda hasaba alynýar.',
      },
      {
        anchor: 'initial-assessment',
        text: 'Hünärmen ugrukdyrma alnandan soň ýaş bilen duşuşýar we ilkinji baha bermegi geçirýär; giňişleýin baha bermek ýaşyň, internat edarasynyň terbiýeçisiniň, hossarlyk edarasynyň we ýaşyň saýlan ygtybarly adamlarynyň gatnaşmagynda geçirilýär.',
      },
      {
        anchor: 'transition-plan',
        text: 'Garaşsyz durmuşa geçiş meýilnamasynda her maksat, jogapkär adam we möhlet görkezilýär we ony ýaş bilen hünärmen gol çekip tassyklaýar; meýilnama [2.2. bende](#stage-preparation) laýyklykda taýýarlyk tapgyrynda düzülýär.',
      },
      {
        anchor: 'leaving-day',
        text: 'Ýaşyň edaradan çykýan güni öňünden meýilleşdirilýär: ýaşaýyş ýeri, öý goşlary toplumy, resminamalar we ilkinji aý üçin serişdeler taýýar bolmaly; hünärmen şol gün ýaş bilen bolýar.',
      },
      {
        anchor: 'closure',
        text: 'Işjeň goldaw meýilnamanyň maksatlaryna ýetilende, ýaş 23 ýaşa ýetende ýa-da ýaş Hyzmatdan ýazmaça ýüz öwürende tamamlanýar; soňra yzarlaýyş tapgyry başlanýar.',
      },
    ],
  },
  {
    title: 'Möhletler we standartlar',
    anchor: 'timeframes',
    clauses: [
      {
        text: 'Hyzmatyň möhletleri (T1–T7) [1-nji tablisada](#services-table) görkezilýär; iş günleri bilen kesgitlenen möhletler iş günleri boýunça, beýlekiler senenama günleri boýunça hasaplanýar.',
      },
      {
        anchor: 'notice',
        text: 'Internat edarasy ýaşyň edaradan çykjak senesinden azyndan 12 aý öň etrap durmuş işi gullugyna habar berýär; bu möhlet bozulan ýagdaýynda hünärmen ýaş bilen derrew duşuşýar we taýýarlyk tapgyry gysgaldylan tertipde geçirilýär; bu ýagdaý etrap durmuş işi gullugyna habar berilýär.',
      },
      {
        text: 'Möhletiň bozulmagynyň her ýagdaýy we onuň sebäbi işiň bukjasynda bellenilýär we çärýeklik hasabatda görkezilýär.',
      },
      {
        anchor: 'standards',
        text: 'Hyzmat umumy esasy standartlara we hil standartlaryna, şeýle hem Hyzmata mahsus standartlara laýyk gelmelidir:',
        items: [
          'edaradan çykmaly her ýaş Hyzmat barada öz wagtynda maglumat alýar we oňa ugrukdyrylýar;',
          'her ýaşyň ýaşyň özüniň gatnaşmagynda düzülen garaşsyz durmuşa geçiş meýilnamasy bar;',
          'hiç bir ýaş edaradan ýaşaýyş jaýsyz we goldawsyz çykmaýar;',
          'ýaşyň pikiri diňlenýär, onuň gizlinligi we saýlamak hukugy goralýar;',
          'işgärler ýeterlik sanda, taýýarlykly we yzygiderli superwiziýa alýarlar.',
        ],
      },
      {
        text: 'Esasy standartlar Hyzmaty berijiniň hökmany ýerine ýetirmeli iň az talaplarydyr; hil standartlary gowy tejribäni häsiýetlendirýär we olara ýetilişi ýyllyk bahalandyrmada barlanýar. Gözegçi her talabyň ýerine ýetirilişini subutnamalar boýunça barlaýar; subutnamalar işiň bukjalarynda we Hyzmaty berijiniň hasaba alyş kitaplarynda saklanýar.',
      },
    ],
  },
  {
    title: 'Hyzmat etmegiň şertleri, şol sanda elýeterlilik',
    anchor: 'conditions',
    clauses: [
      {
        anchor: 'premises',
        text: 'Hyzmaty berijiniň ýaşlar bilen ýeke-täk duşuşyklar üçin aýratyn otagy, topar sapaklary üçin otagy we nahar bişirmek endiklerini öwrenmek üçin enjamlaşdyrylan aşhanasy bolmalydyr.',
      },
      {
        anchor: 'training-flat',
        text: 'Synag öýi howpsuzlyk we sanitariýa talaplaryna laýyk gelmeli, zerur öý goşlary bilen üpjün edilmeli we işgäriň aýda azyndan 4 gezek baryp görmegi bilen dolandyrylmalydyr.',
      },
      {
        anchor: 'accessibility',
        text: 'Binalar we synag öýleriniň azyndan biri hereket etmekde kynçylygy bolan adamlar üçin elýeterli bolmalydyr; maglumatlar ýönekeý dilde, türkmen we rus dillerinde berilýär.',
      },
      {
        text: 'Hyzmat iş günlerinde, şol sanda okaýan we işleýän ýaşlar üçin agşam sagatlarynda berilýär; gyssagly ýagdaýlarda ýaş nobatçy hünärmen bilen telefon arkaly habarlaşyp bilýär.',
      },
      {
        anchor: 'safeguarding',
        text: 'Hyzmaty beriji çagalaryň we ýaşlaryň howpsuzlygy boýunça içki düzgünleri kabul edýär; ýaşa garşy zorluk ýa-da ekspluatasiýa barada her bir alamat derrew hyzmatyň ýolbaşçysyna we kanunçylykda bellenen edaralara habar berilýär.',
      },
    ],
  },
  {
    title: 'Işgärler we maliýeleşdirmek',
    anchor: 'staffing',
    clauses: [
      {
        anchor: 'staff-unit',
        text: '30 ýaşa niýetlenen bir hyzmat birliginiň işgärleri, olaryň hünär derejesi we iş ýüki [1-nji tablisada](#services-table) görkezilýär; bir hyzmat birligi bir welaýatyň ýa-da Aşgabat şäheriniň birnäçe etrabyna hyzmat edip biler.',
      },
      {
        anchor: 'staff-caseload',
        text: 'Durmuş işi boýunça hünärmeniň iş ýüki bir wagtda 15 ýaşdan geçmeýär: bu ululyk etrap hünärmeniniň iş ýükünden (ýylda 75 ýagdaý, şol sanda 25 güýçli goldaw ýagdaýy) pesdir, sebäbi ýaşlaryň köpüsine güýçli goldaw gerek.',
      },
      {
        anchor: 'supervision',
        text: 'Her işgär aýda azyndan 1 gezek superwiziýa alýar; täze işe kabul edilen işgärler ilkinji 3 aýyň dowamynda ýagdaý boýunça işi alyp barmak, ýetginjekleriň we ýaşlaryň hukuklary we çagalaryň howpsuzlygy boýunça okuwdan geçýär.',
      },
      {
        anchor: 'cost-records',
        text: 'Çykdajylaryň hasaby Hyzmaty berijiniň maliýe žurnalynda ýöredilýär. Öý goşlary toplumy (C3) we ulag çykdajylary (C4) aýratyn görkezilýär. Žurnal her aýda ýolbaşçy tarapyndan barlanýar. Ähli tölegler bank arkaly geçirilýär. Üçünji taraplara tölegler diňe şertnama esasynda amala aşyrylýar.',
      },
      {
        anchor: 'per-capita',
        text: `Jan başyna düşýän maliýeleşdiriş ölçegi bir hyzmat birliginiň ýyllyk çykdajylarynyň (tablisadaky C1–C5 maddalaryň jemi 294${NBSP}600 manat) 30 ýaşa we 12 aýa bölünmeginden alnan 818 manat ululyk tegelekläp 820 manat möçberinde şertli kesgitlenýär.`,
      },
    ],
  },
  {
    title: 'Peýdalanyjylaryň hukuklary we şikaýatlara seretmek',
    anchor: 'rights',
    clauses: [
      {
        anchor: 'user-rights',
        text: 'Ýaşyň hukuklary:',
        items: [
          'Hyzmat, onuň mazmuny we şertleri barada doly maglumat almak;',
          'garaşsyz durmuşa geçiş meýilnamasyny düzmäge we gözden geçirmäge gatnaşmak, öz pikirini aýtmak;',
          'Hyzmatyň ýa-da onuň bir böleginiň berilmeginden ýüz öwürmek;',
          'öz işiniň bukjasy bilen tanyşmak;',
          'hünärmeniň ýa-da halypanyň çalşyrylmagyny haýyş etmek;',
          'kemsidilmezlik we şahsy durmuşyna hormat goýulmagy.',
        ],
      },
      {
        anchor: 'complaints',
        text: 'Ýaş ýa-da onuň kanuny wekili şikaýaty dilden ýa-da ýazmaça Hyzmaty berijiniň ýolbaşçysyna berip biler; şikaýata 10 iş gününiň dowamynda seredilýär we ýazmaça jogap berilýär. Jogapdan kanagatlanmadyk ýaş Zähmet we ilaty durmuş taýdan goramak ministrliginiň etrap (şäher) bölümine, soňra welaýat (Aşgabat şäher) müdirligine ýa-da ministrlige, şeýle hem kanunçylykda bellenen tertipde suda ýüz tutup biler.',
      },
      {
        text: 'Şikaýat beren ýaşa garşy hiç hili ýaramaz netije ulanylmaýar; Hyzmat şikaýata seredilýän döwürde dowam edýär. Ýaşa degişli maglumatlar üçünji taraplara diňe onuň ýazmaça razylygy bilen ýa-da kanunda göz öňünde tutulan ýagdaýlarda berilýär.',
      },
    ],
  },
  {
    title: 'Hasaba alyş, hasabatlylyk we gizlinlik',
    anchor: 'records',
    clauses: [
      {
        anchor: 'case-file',
        text: 'Her ýaş üçin işiň bukjasy ýöredilýär: ugrukdyrma, razylyk görnüşi, baha bermegiň görnüşleri, garaşsyz durmuşa geçiş meýilnamasy we onuň gözden geçirilişi, hyzmatlaryň hasaba alnyşy, ýapmak we yzarlaýyş ýazgylary.',
      },
      {
        anchor: 'confidentiality',
        text: 'Ýaş barada maglumatlar gizlin saklanýar we diňe ýaşyň ýazmaça razylygy bilen ýa-da kanunda göz öňünde tutulan ýagdaýlarda berilýär; razylyk görnüşi [goşundyda](#annex-consent) getirilýär.',
      },
      {
        text: 'Kagyz bukjalar gulplanýan şkafda, elektron maglumatlar bolsa giriş hukugy çäklendirilen ulgamda saklanýar; işiň bukjasy ýapylandan soň 5 ýyl saklanýar.',
      },
      {
        anchor: 'reporting',
        text: 'Hyzmaty beriji her çärýekde etrap durmuş işi gullugyna we ministrligiň welaýat müdirligine görkezijiler boýunça hasabat berýär; ýyllyk hasabat indiki ýylyň 1-nji fewralyna çenli berilýär. Hasabatlarda şahsy maglumatlar görkezilmeýär: maglumatlar umumylaşdyrylan görnüşde, jynsy, ýaş topary, maýyplyk we welaýat boýunça bölünip berilýär.',
      },
    ],
  },
];

function tkModel(): DocModel {
  const { blocks, toc } = sections(TK_SECTIONS, 'tk');
  toc.push({ level: 1, text: 'Goşundy. Ýaşyň Hyzmaty almaga razylyk görnüşi', anchor: 'annex-consent' });
  return {
    id: 'care-leavers',
    kind: 'service-specification',
    lang: 'tk',
    properties: {
      title: '«Internat edaralaryndan çykýan ýaşlara durmuş goldawy» hyzmatynyň spesifikasiýasy',
      subject: 'Durmuş hyzmatynyň spesifikasiýasy',
      author: 'Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi',
      keywords: ['internat edaralaryndan çykýan ýaşlar', 'garaşsyz durmuş endikleri', 'halypaçylyk'],
      language: 'tk-TM',
      date: '2026-11-18T00:00:00Z',
      version: '0.1.0',
      status: 'draft',
    },
    page: { margins: { top: 20, right: 15, bottom: 20, left: 30 }, fontSize: 14, lineSpacing: 1.15, firstLineIndent: 12.5 },
    running: { header: 'Internat edaralaryndan çykýan ýaşlara goldaw · care-leavers · 0.1.0', pageOf: 'Sahypa {page} / {pages}', draftMark: 'TASLAMA' },
    numbering: [
      {
        ref: 'clauses',
        levels: [
          { level: 0, format: 'decimal', text: '%1.', indent: { left: 0, hanging: 0 }, suffix: 'space' },
          { level: 1, format: 'decimal', text: '%1.%2.', indent: { left: 28.35, hanging: 28.35 }, suffix: 'tab' },
          { level: 2, format: 'decimal', text: '%1.%2.%3.', indent: { left: 56.7, hanging: 28.35 }, suffix: 'tab' },
          { level: 3, format: 'decimal', text: '%1.%2.%3.%4.', indent: { left: 85.05, hanging: 28.35 }, suffix: 'tab' },
        ],
      },
    ],
    front: [
      para('draftMark', 'Taslama'),
      para('approval', 'Türkmenistanyň Zähmet we ilaty'),
      para('approval', 'durmuş taýdan goramak ministriniň'),
      para('approval', '2026-njy ýylyň «___» _____________'),
      para('approval', `çykaran №${NBSP}____ belgili buýrugy bilen`),
      para('approval', 'tassyklanyldy'),
      { type: 'spacer', points: 60 },
      para('title', '«Internat edaralaryndan çykýan ýaşlara durmuş goldawy» hyzmatynyň spesifikasiýasy'),
      para('subtitle', 'Durmuş hyzmatynyň spesifikasiýasy · wersiýa 0.1.0'),
      { type: 'spacer', points: 24 },
      { type: 'toc', title: 'Mazmuny', entries: toc },
      { type: 'spacer', points: 24 },
      para('coverText', 'Aşgabat – 2026'),
      { type: 'pageBreak' },
    ],
    body: [
      ...blocks,
      { type: 'spacer', points: 24 },
      { type: 'signature', left: runs('Ministr'), right: runs('_________________') },
    ],
    annexes: [
      [
        para('annexMark', 'Goşundy'),
        para('annexMark', '«Internat edaralaryndan çykýan ýaşlara durmuş goldawy» hyzmatynyň spesifikasiýasyna'),
        { type: 'heading', level: 1, runs: runs('Ýaşyň Hyzmaty almaga razylyk görnüşi'), anchor: 'annex-consent', outline: true },
        para('body', 'Men, aşakda gol çekiji, «Internat edaralaryndan çykýan ýaşlara durmuş goldawy» Hyzmatynyň mazmuny, şertleri we möhletleri, öz hukuklarym we şikaýat etmegiň tertibi bilen tanyşdym we Hyzmaty almaga razylyk berýärin.'),
        para('body', 'Maňa degişli maglumatlaryň diňe Hyzmaty bermek maksady bilen ulanyljakdygy we üçünji taraplara diňe meniň ýazmaça razylygym bilen ýa-da kanunda göz öňünde tutulan ýagdaýlarda beriljekdigi barada maglumat berildi.'),
        { type: 'spacer', points: 18 },
        { type: 'signature', left: runs('Ýaşyň familiýasy, ady we goly'), right: runs('«___» __________ 2026 ý.') },
      ],
    ],
    footnotes: [
      runs(`Türkmenistanyň Mejlisiniň Maglumatlary, 2021 ý., №${NBSP}4, 95-nji madda.`),
      runs('Bilelikdäki maksatnamanyň hasabatlaryndan alnan maglumatlar; I1 görkezijiniň başlangyç ululygy.'),
      runs('Sanlar ara alnyp maslahatlaşmak üçin teklip edilýän şertli ululyklardyr we **resmi maglumat däldir**.'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Russian
// ---------------------------------------------------------------------------------------------

const RU_SECTIONS: Section[] = [
  {
    title: 'Общие положения',
    anchor: 'general',
    clauses: [
      {
        anchor: 'scope',
        text: 'Настоящая спецификация определяет содержание, объём, порядок и сроки предоставления социальной услуги «Социальное сопровождение молодых людей, выходящих из интернатных учреждений» (далее – **Услуга**), требования к персоналу, качеству и финансированию.',
      },
      {
        anchor: 'legal-basis',
        text: `Услуга предоставляется в соответствии с Законом Туркменистана от 18 декабря 2021 года №${NBSP}434-VI «О социальных услугах»^1, Кодексом Туркменистана о социальной защите населения и Семейным кодексом Туркменистана.`,
      },
      {
        anchor: 'definitions',
        text: 'Основные понятия, используемые в настоящей спецификации:',
        items: [
          'интернатное учреждение – учреждение круглосуточного пребывания для детей-сирот и детей, оставшихся без попечения родителей;',
          'молодой человек – лицо, готовящееся к выходу или вышедшее из интернатного учреждения и получающее Услугу;',
          'наставник – отобранный и подготовленный взрослый, регулярно встречающийся с молодым человеком на добровольной основе.',
        ],
      },
    ],
  },
  {
    title: 'Описание услуги',
    anchor: 'description',
    clauses: [
      {
        anchor: 'purpose',
        text: 'Услуга обеспечивает безопасный, спланированный и осуществляемый при участии самого молодого человека переход от поддержки, получаемой в учреждении в детстве, к _самостоятельной_ взрослой жизни.',
      },
      {
        text: 'Услуга предоставляется в 3 этапа:',
        sub: [
          {
            anchor: 'stage-preparation',
            text: 'подготовительный этап – начинается за 12 месяцев до выпуска молодого человека из учреждения;',
            sub: [{ text: 'на подготовительном этапе составляется план перехода к самостоятельной жизни.' }],
          },
          { text: 'этап перехода и активного сопровождения – длится со дня выпуска до 24 месяцев.' },
        ],
      },
      {
        text: 'Услуга предоставляется в общественном центре, по месту жительства молодого человека, в тренировочной квартире и по месту его учёбы или работы; объём услуг приведён в [таблице 1](#services-table), а порядок оценки – в [пункте 2.2.](#stage-preparation)',
      },
    ],
  },
];

const RU_ROWS: string[][] = Array.from({ length: 32 }, (_, i) => [
  `У${i + 1}`,
  ['Подготовка к выпуску из учреждения', 'Обучение навыкам самостоятельной жизни', 'Жилищная поддержка', 'Наставничество'][i % 4] as string,
  `${(i % 4) + 1} раз в месяц`,
  `${((i * 7) % 12) + 1} мес.`,
]);

function ruModel(): DocModel {
  const { blocks, toc } = sections(RU_SECTIONS, 'ru');
  const tk = tkModel();
  return {
    ...tk,
    lang: 'ru',
    properties: {
      ...tk.properties,
      title: 'Спецификация услуги «Социальное сопровождение молодых людей, выходящих из интернатных учреждений»',
      subject: 'Спецификация социальной услуги',
      author: 'Министерство труда и социальной защиты населения Туркменистана',
      keywords: ['выпускники интернатных учреждений', 'наставничество'],
      language: 'ru-RU',
    },
    running: { header: 'Сопровождение выпускников интернатных учреждений · care-leavers · 0.1.0', pageOf: 'Страница {page} из {pages}', draftMark: 'ПРОЕКТ' },
    front: [
      para('draftMark', 'Проект'),
      para('approval', 'УТВЕРЖДЕНА'),
      para('approval', 'приказом Министерства труда и социальной защиты населения Туркменистана'),
      para('approval', `от «___» __________ 2026 г. №${NBSP}____`),
      { type: 'spacer', points: 48 },
      para('title', 'Спецификация услуги «Социальное сопровождение молодых людей, выходящих из интернатных учреждений»'),
      { type: 'toc', title: 'Содержание', entries: toc },
      { type: 'pageBreak' },
    ],
    body: [...blocks, table('Таблица 1. Услуги и их объём', ['Код', 'Наименование', 'Объём', 'Срок'], [1, 4, 2, 1.5], RU_ROWS, 'services-table')],
    annexes: [],
    footnotes: [runs(`Ведомости Меджлиса Туркменистана, 2021 г., №${NBSP}4, ст. 95.`)],
  };
}

export const TK_MODEL: DocModel = tkModel();
export const RU_MODEL: DocModel = ruModel();

/**
 * The model's words in reading order (footnote references glued to their word, as printed;
 * footnote texts left out: they are printed at the foot of the page). Styles with capitals
 * (the draft mark) are upper-cased, as they are drawn.
 */
export function modelWords(model: DocModel): string[] {
  const texts: string[] = [];
  const visit = (list: Run[], caps = false): void => {
    for (const run of list) {
      if (run.kind === 'text') texts.push(caps ? run.text.toUpperCase() : run.text);
      else if (run.kind === 'footnote') texts.push(String(run.number));
      else texts.push(' ');
    }
    texts.push(' ');
  };
  const blocks = [...model.front, ...model.body, ...model.annexes.flat()];
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') {
      if (block.label) texts.push(`${block.label} `);
      visit(block.runs, block.type === 'paragraph' && block.style === 'draftMark');
    } else if (block.type === 'table') {
      if (block.caption) visit(block.caption);
      for (const cell of block.header) visit(cell.runs);
      for (const row of block.rows) for (const cell of row) visit(cell.runs);
    } else if (block.type === 'signature') {
      visit(block.left);
      visit(block.right);
    } else if (block.type === 'toc') {
      texts.push(` ${block.title} `);
      for (const entry of block.entries) texts.push(` ${entry.text} `);
    }
  }
  return splitWords(texts.join(''));
}

/** The words of each footnote, with its number in front as printed. */
export function footnoteWords(model: DocModel): string[][] {
  return model.footnotes.map((note, index) => splitWords(`${index + 1} ${note.map((run) => (run.kind === 'text' ? run.text : ' ')).join('')}`));
}

function splitWords(text: string): string[] {
  return text.split(/[\s\u00a0]+/u).filter(Boolean);
}
