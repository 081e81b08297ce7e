/**
 * Sample document models for the renderer tests, as the resolve stage would produce them: a
 * service specification in Turkmen and in Russian (approval block, draft marking, title, TOC,
 * numbered sections with clauses at three depths, lettered items, a 33-row table, footnotes,
 * cross-references, external links, an annex, a signature) and a short normative act with
 * chapters ("I bap.") and continuous points with sub-points ("1)").
 *
 * The text is illustrative, written for these tests (not an approved ministry text).
 *
 * Inline markup in the strings below: **bold**, *italic*, `code`, [text](https://…),
 * [text](#anchor) (a cross-reference), [^n] (a footnote reference).
 */
import type { Block, DocModel, HeadingBlock, NumberingDefinition, ParagraphBlock, Run, TableCell, TocEntry } from '../../../src/model/types.js';

type Lang = 'tk' | 'ru';
type L = Record<Lang, string>;

interface ClauseSpec {
  text: L;
  anchor?: string;
  items?: L[];
  sub?: ClauseSpec[];
  /** Further paragraphs of the clause, after its items and sub-clauses. */
  more?: L[];
}

type Part =
  | { clause: ClauseSpec }
  | { subheading: L; anchor: string }
  | { paragraph: L; style?: 'body' | 'note' }
  | { table: { anchor: string; caption: L; columns: Array<{ width: number; align?: 'left' | 'center' | 'right' }>; header: L[]; rows: L[][] } };

interface SectionSpec {
  title: L;
  anchor: string;
  parts: Part[];
}

// ---------------------------------------------------------------------------------------------
// Inline markup
// ---------------------------------------------------------------------------------------------

const TOKEN = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[\^\d+\]|\[[^\]]+\]\([^)]+\))/;

export function inline(text: string): Run[] {
  const runs: Run[] = [];
  for (const part of text.split(TOKEN)) {
    if (part === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^\*\*([^*]+)\*\*$/.exec(part))) runs.push({ kind: 'text', text: m[1]!, bold: true });
    else if ((m = /^\*([^*]+)\*$/.exec(part))) runs.push({ kind: 'text', text: m[1]!, italic: true });
    else if ((m = /^`([^`]+)`$/.exec(part))) runs.push({ kind: 'text', text: m[1]!, code: true });
    else if ((m = /^\[\^(\d+)\]$/.exec(part))) runs.push({ kind: 'footnote', number: Number(m[1]) });
    else if ((m = /^\[([^\]]+)\]\(#([^)]+)\)$/.exec(part))) runs.push({ kind: 'text', text: m[1]!, anchor: m[2]! });
    else if ((m = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part))) runs.push({ kind: 'text', text: m[1]!, href: m[2]! });
    else runs.push({ kind: 'text', text: part });
  }
  return runs;
}

/** Lines joined by line breaks (approval blocks, annex markings). */
function lines(text: string): Run[] {
  return text.split('\n').flatMap((line, i): Run[] => (i === 0 ? inline(line) : [{ kind: 'break' }, ...inline(line)]));
}

export function plain(runs: readonly Run[]): string {
  return runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const LETTERS: Record<Lang, string[]> = {
  tk: 'a b ç d e ä f g h i j ž k l m n ň o ö p r s ş t u ü w y ý z'.split(' '),
  ru: 'а б в г д е ж з и к л м н о п р с т у ф х ц ч ш щ э ю я'.split(' '),
};

const FREQ = {
  daily: { tk: 'her gün', ru: 'ежедневно' },
  twiceWeek: { tk: 'hepdede 2 gezek', ru: '2 раза в неделю' },
  weekly: { tk: 'hepdede 1 gezek', ru: '1 раз в неделю' },
  monthly: { tk: 'aýda 1 gezek', ru: '1 раз в месяц' },
  twiceYear: { tk: 'ýylda 2 gezek', ru: '2 раза в год' },
  needed: { tk: 'zerurlyga görä', ru: 'по необходимости' },
} satisfies Record<string, L>;

const WHO = {
  worker: { tk: 'durmuş işgäri', ru: 'социальный работник' },
  specialist: { tk: 'durmuş işi boýunça hünärmen', ru: 'специалист по социальной работе' },
  nurse: { tk: 'şepagat uýasy', ru: 'медицинская сестра' },
  psychologist: { tk: 'psiholog', ru: 'психолог' },
  lawyer: { tk: 'hukukçy', ru: 'юрист' },
} satisfies Record<string, L>;

const SERVICES: Array<[L, L, L]> = [
  [{ tk: 'Azyk önümlerini satyn almak we öýe eltip bermek', ru: 'Покупка и доставка на дом продуктов питания' }, FREQ.twiceWeek, WHO.worker],
  [{ tk: 'Gyzgyn nahar taýýarlamaga ýardam bermek', ru: 'Помощь в приготовлении горячей пищи' }, FREQ.daily, WHO.worker],
  [{ tk: 'Nahar iýmäge ýardam bermek (özbaşdak iýip bilmeýänlere)', ru: 'Помощь в приёме пищи (тем, кто не может есть самостоятельно)' }, FREQ.daily, WHO.worker],
  [{ tk: 'Derman serişdelerini lukmanyň ýazgysy boýunça satyn almak we eltip bermek', ru: 'Покупка и доставка лекарственных средств по назначению врача' }, FREQ.needed, WHO.worker],
  [{ tk: 'Kommunal hyzmatlaryň tölegini geçirmäge ýardam bermek', ru: 'Помощь в оплате коммунальных услуг' }, FREQ.monthly, WHO.worker],
  [{ tk: 'Ýaşaýyş jaýyny arassalamaga ýardam bermek', ru: 'Помощь в уборке жилого помещения' }, FREQ.weekly, WHO.worker],
  [{ tk: 'Egin-eşikleri we düşekleri ýuwmak', ru: 'Стирка одежды и постельного белья' }, FREQ.weekly, WHO.worker],
  [{ tk: 'Şahsy arassaçylyk çärelerini geçirmäge ýardam bermek', ru: 'Помощь в соблюдении личной гигиены' }, FREQ.twiceWeek, WHO.worker],
  [{ tk: 'Lukmanyň kabulyna ýazylmaga ýardam bermek', ru: 'Содействие в записи на приём к врачу' }, FREQ.needed, WHO.worker],
  [{ tk: 'Saglygy goraýyş edarasyna çenli ugratmak', ru: 'Сопровождение в медицинскую организацию' }, FREQ.needed, WHO.worker],
  [{ tk: 'Gan basyşyny we beden gyzgynlygyny ölçemek', ru: 'Измерение артериального давления и температуры тела' }, FREQ.twiceWeek, WHO.nurse],
  [{ tk: 'Derman kabul edilişine gözegçilik etmek', ru: 'Контроль за приёмом лекарственных средств' }, FREQ.daily, WHO.nurse],
  [{ tk: 'Psihologik goldaw maksady bilen söhbetdeşlik geçirmek', ru: 'Беседа в целях психологической поддержки' }, FREQ.weekly, WHO.psychologist],
  [{ tk: 'Hat ýazmaga we okamaga ýardam bermek', ru: 'Помощь в написании и прочтении писем' }, FREQ.needed, WHO.worker],
  [{ tk: 'Resminamalary resmileşdirmäge we dikeltmäge ýardam bermek', ru: 'Помощь в оформлении и восстановлении документов' }, FREQ.needed, WHO.specialist],
  [{ tk: 'Pensiýa we döwlet kömek pullary barada maslahat bermek', ru: 'Консультирование по вопросам пенсий и государственных пособий' }, FREQ.needed, WHO.specialist],
  [{ tk: 'Hukuk kömegini almaga ýardam bermek', ru: 'Содействие в получении юридической помощи' }, FREQ.needed, WHO.lawyer],
  [{ tk: 'Medeni we dynç alyş çärelerine gatnaşmaga ýardam bermek', ru: 'Содействие в участии в культурных и досуговых мероприятиях' }, FREQ.monthly, WHO.specialist],
  [{ tk: 'Arassa howada gezelenje çykmaga ýardam bermek', ru: 'Помощь в прогулках на свежем воздухе' }, FREQ.twiceWeek, WHO.worker],
  [{ tk: 'Dikeldiş tehniki serişdeleri bilen üpjün edilmäge ýardam bermek', ru: 'Содействие в обеспечении техническими средствами реабилитации' }, FREQ.needed, WHO.specialist],
  [{ tk: 'Maşgala agzalaryna ideg etmegiň usullaryny öwretmek', ru: 'Обучение членов семьи навыкам ухода' }, FREQ.monthly, WHO.nurse],
  [{ tk: 'Ýangyç (odun, kömür) eltip bermäge ýardam bermek', ru: 'Содействие в доставке топлива (дров, угля)' }, FREQ.needed, WHO.worker],
  [{ tk: 'Ýaşaýyş jaýynyň ownuk abatlaýşyna ýardam bermek', ru: 'Содействие в мелком ремонте жилья' }, FREQ.needed, WHO.specialist],
  [{ tk: 'Merkezleşdirilen suw üpjünçiligi bolmadyk ýerlerde suw getirmek', ru: 'Доставка воды при отсутствии централизованного водоснабжения' }, FREQ.twiceWeek, WHO.worker],
  [{ tk: 'Telefon arkaly gündelik habarlaşmak', ru: 'Ежедневная связь по телефону' }, FREQ.daily, WHO.worker],
  [{ tk: 'Hyzmat alyjynyň ýagdaýyna täzeden baha bermek', ru: 'Повторная оценка положения получателя услуг' }, FREQ.twiceYear, WHO.specialist],
  [{ tk: 'Hyzmat meýilnamasyna täzeden seretmek', ru: 'Пересмотр плана обслуживания' }, FREQ.twiceYear, WHO.specialist],
  [{ tk: 'Hassahana ýerleşdirilende goldaw bermek', ru: 'Поддержка при госпитализации' }, FREQ.needed, WHO.worker],
  [{ tk: 'Baýramçylyk çärelerine gatnaşmaga ýardam bermek', ru: 'Содействие в участии в праздничных мероприятиях' }, FREQ.needed, WHO.specialist],
  [{ tk: 'Ýerli jemgyýetçilik guramalary bilen baglanyşdyrmak', ru: 'Связь с местными общественными организациями' }, FREQ.needed, WHO.specialist],
  [{ tk: 'Adatdan daşary ýagdaýlarda gyssagly kömek bermek', ru: 'Экстренная помощь в чрезвычайных ситуациях' }, FREQ.needed, WHO.worker],
  [{ tk: 'Hyzmatyň hilini öwrenmek üçin sorag-jogap geçirmek', ru: 'Анкетирование для оценки качества услуги' }, FREQ.twiceYear, WHO.specialist],
  [{ tk: 'Hyzmaty tamamlamak we ýagdaý boýunça resminamalary tabşyrmak', ru: 'Завершение обслуживания и передача документов по случаю' }, FREQ.needed, WHO.specialist],
];

const SECTIONS: SectionSpec[] = [
  {
    title: { tk: 'Umumy düzgünler', ru: 'Общие положения' },
    anchor: 'umumy',
    parts: [
      { paragraph: { tk: 'Şu bölümde Standartyň maksady, ulanylyş çägi, hukuk esaslary we onda ulanylýan esasy düşünjeler beýan edilýär. Standart etrap derejesinde öýde berilýän durmuş hyzmatlarynyň birmeňzeş we ygtybarly guralmagyna gönükdirilendir.', ru: 'В настоящем разделе изложены цель Стандарта, сфера его применения, правовые основы и используемые в нём основные понятия. Стандарт направлен на единообразную и надёжную организацию социальных услуг на дому на уровне этрапа.' } },
      {
        clause: {
          text: {
            tk: 'Şu Standart öýde durmuş hyzmatlaryny bermegiň tertibini, möçberini we hilini, şeýle hem olaryň netijeliligine baha bermegiň görkezijilerini kesgitleýär.',
            ru: 'Настоящий Стандарт определяет порядок, объём и качество предоставления социальных услуг на дому, а также показатели оценки их эффективности.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Standart «Döwlet durmuş üpjünçiligi hakynda» Türkmenistanyň Kanunyna[^1] we Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrliginiň kadalaşdyryjy hukuk namalaryna laýyklykda işlenip taýýarlanyldy.',
            ru: 'Стандарт разработан в соответствии с Законом Туркменистана «О государственном социальном обеспечении»[^1] и нормативными правовыми актами Министерства труда и социальной защиты населения Туркменистана.',
          },
        },
      },
      {
        clause: {
          anchor: 'c-1-3',
          text: { tk: 'Şu Standartda ulanylýan esasy düşünjeler:', ru: 'В настоящем Стандарте используются следующие основные понятия:' },
          items: [
            {
              tk: '*öýde durmuş hyzmaty* – özüne özbaşdak hyzmat etmek ukybyny doly ýa-da bölekleýin ýitiren raýata onuň ýaşaýan ýerinde berilýän hyzmatlaryň toplumy;',
              ru: '*социальная услуга на дому* – комплекс услуг, предоставляемых гражданину, полностью или частично утратившему способность к самообслуживанию, по месту его проживания;',
            },
            {
              tk: '*hyzmat alyjy* – öýde durmuş hyzmatyny almaga mätäç diýlip ykrar edilen raýat;',
              ru: '*получатель услуг* – гражданин, признанный нуждающимся в социальном обслуживании на дому;',
            },
            {
              tk: '*durmuş işgäri* – hyzmat meýilnamasyna laýyklykda hyzmatlary gönüden-göni berýän işgär;',
              ru: '*социальный работник* – работник, непосредственно предоставляющий услуги в соответствии с планом обслуживания;',
            },
            {
              tk: '*hyzmat meýilnamasy* – hyzmat alyjynyň şahsy zerurlyklaryna baha bermegiň esasynda düzülýän we hyzmatlaryň görnüşini, möçberini we möhletini kesgitleýän resminama.',
              ru: '*план обслуживания* – документ, составляемый на основе оценки индивидуальных потребностей получателя услуг и определяющий виды, объём и сроки услуг.',
            },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Şu Standartyň talaplary öýde durmuş hyzmatlaryny berýän ähli edaralar üçin hökmanydyr:',
            ru: 'Требования настоящего Стандарта обязательны для всех организаций, предоставляющих социальные услуги на дому:',
          },
          sub: [
            {
              text: {
                tk: 'etrap we şäher häkimlikleriniň ýanyndaky durmuş hyzmatlary bölümleri üçin;',
                ru: 'для отделов социальных услуг при хякимликах этрапов и городов;',
              },
            },
            {
              text: {
                tk: 'döwlet tarapyndan ygtyýarlandyrylan jemgyýetçilik guramalary üçin, şol sanda:',
                ru: 'для общественных организаций, уполномоченных государством, в том числе:',
              },
              sub: [
                {
                  text: {
                    tk: 'durmuş hyzmatlaryny bermek üçin döwlet sargydyny alan guramalar üçin;',
                    ru: 'для организаций, получивших государственный заказ на предоставление социальных услуг;',
                  },
                },
                {
                  text: {
                    tk: 'halkara taslamalaryň çäklerinde hyzmat berýän guramalar üçin.',
                    ru: 'для организаций, предоставляющих услуги в рамках международных проектов.',
                  },
                },
              ],
            },
          ],
          more: [
            {
              tk: 'Hyzmat berýän edaralar şu Standartyň talaplaryny öz içerki düzgünnamalarynda göz öňünde tutýarlar.',
              ru: 'Организации, предоставляющие услуги, предусматривают требования настоящего Стандарта в своих внутренних положениях.',
            },
          ],
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmatyň maksady we maksatly topar', ru: 'Цель услуги и целевая группа' },
    anchor: 'maksat',
    parts: [
      { paragraph: { tk: 'Hyzmat ilkinji nobatda öz öýünde ýaşamagy dowam etdirmek isleýän, ýöne gündelik durmuşda daşary kömege mätäç bolan adamlara niýetlenendir. Hyzmat maşgalanyň goldawyny çalyşmaýar, ony doldurýar.', ru: 'Услуга предназначена прежде всего для людей, которые хотят продолжать жить в своём доме, но нуждаются в посторонней помощи в повседневной жизни. Услуга не заменяет поддержку семьи, а дополняет её.' } },
      {
        clause: {
          text: {
            tk: 'Hyzmatyň maksady – hyzmat alyjynyň öz öýünde mümkin boldugyça uzak wagtlap özbaşdak ýaşamagyny, onuň abraýyny we jemgyýetçilik durmuşyna gatnaşmagyny üpjün etmekdir.',
            ru: 'Цель услуги – обеспечить получателю услуг возможность как можно дольше самостоятельно жить в своём доме, сохраняя достоинство и участие в жизни общества.',
          },
        },
      },
      {
        clause: {
          anchor: 'c-2-2',
          text: { tk: 'Maksatly topara şu raýatlar degişlidir:', ru: 'К целевой группе относятся следующие граждане:' },
          items: [
            { tk: 'ýaşy boýunça pensiýa çykan we ýeke ýaşaýan adamlar;', ru: 'одиноко проживающие пенсионеры по возрасту;' },
            { tk: 'I we II topar maýyplygy bolan adamlar;', ru: 'лица с инвалидностью I и II группы;' },
            { tk: 'agyr näsaglykdan soň wagtlaýyn özüne hyzmat edip bilmeýän adamlar;', ru: 'лица, временно утратившие способность к самообслуживанию после тяжёлой болезни;' },
            { tk: 'maýyplygy bolan çagany terbiýeleýän we goldawa mätäç maşgalalar;', ru: 'семьи, воспитывающие ребёнка с инвалидностью и нуждающиеся в поддержке;' },
            { tk: 'Beýik Watançylyk urşuna gatnaşyjylar we olara deňleşdirilen adamlar.', ru: 'участники Великой Отечественной войны и приравненные к ним лица.' },
          ],
        },
      },
      { subheading: { tk: 'Hyzmaty bermekden ýüz dönderilýän ýagdaýlar', ru: 'Случаи отказа в предоставлении услуги' }, anchor: 'yuz-dondermek' },
      {
        clause: {
          text: {
            tk: 'Hyzmat alyjyda ýokanç keseliň ýiti görnüşi ýa-da hemişelik lukmançylyk gözegçiligini talap edýän ýagdaý bar bolsa, hyzmat bermekden ýüz dönderilýär[^2].',
            ru: 'В предоставлении услуги отказывается, если у получателя имеется острая форма инфекционного заболевания или состояние, требующее постоянного медицинского наблюдения[^2].',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Ýüz dönderilen ýagdaýynda raýata ýazmaça jogap berilýär we ol beýleki hyzmatlara, şol sanda gündizki bölümlere ýa-da ýaşaýyş edaralaryna ugrukdyrylýar.',
            ru: 'В случае отказа гражданину даётся письменный ответ, и он направляется к другим услугам, в том числе в отделения дневного пребывания или стационарные учреждения.',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmata ýüz tutmak we ony bellemek', ru: 'Обращение за услугой и её назначение' },
    anchor: 'yuz-tutmak',
    parts: [
      {
        clause: {
          text: {
            tk: 'Hyzmata ýüz tutmak üçin raýat ýa-da onuň kanuny wekili ýaşaýan ýeri boýunça etrap häkimliginiň durmuş hyzmatlary bölümine arza bilen ýüz tutýar. Arzanyň nusgasy [1-nji goşundyda](#annex1) getirilýär.',
            ru: 'Для получения услуги гражданин или его законный представитель обращается с заявлением в отдел социальных услуг хякимлика этрапа по месту жительства. Образец заявления приведён в [приложении № 1](#annex1).',
          },
        },
      },
      {
        clause: {
          anchor: 'c-3-2',
          text: {
            tk: 'Arza kabul edilenden soň **bäş iş gününiň** dowamynda durmuş işi boýunça hünärmen raýatyň öýüne baryp, onuň şahsy zerurlyklaryna baha berýär.',
            ru: 'После приёма заявления в течение **пяти рабочих дней** специалист по социальной работе посещает гражданина на дому и проводит оценку его индивидуальных потребностей.',
          },
        },
      },
      {
        clause: {
          text: { tk: 'Zerurlyklara baha bermegiň barşynda şular öwrenilýär:', ru: 'В ходе оценки потребностей изучаются:' },
          sub: [
            {
              text: {
                tk: 'hyzmat alyjynyň saglyk ýagdaýy we özüne hyzmat etmek ukyby;',
                ru: 'состояние здоровья получателя услуг и его способность к самообслуживанию;',
              },
            },
            {
              text: {
                tk: 'ýaşaýyş şertleri, maşgala agzalarynyň we goňşularynyň goldaw bermek mümkinçiligi;',
                ru: 'жилищные условия, возможности поддержки со стороны членов семьи и соседей;',
              },
            },
            {
              text: {
                tk: 'hyzmat alyjynyň öz islegleri we ileri tutýan zatlary.',
                ru: 'собственные пожелания и приоритеты получателя услуг.',
              },
            },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Baha bermegiň netijeleri boýunça [şu Standartyň 3.2-nji bendinde](#c-3-2) görkezilen möhletden gijä galman hyzmat meýilnamasy düzülýär we ol hyzmat alyjy bilen ylalaşylýar. Meýilnamanyň elektron görnüşi `HS-001-M` belgisi bilen hasaba alyş žurnalynda bellige alynýar.',
            ru: 'По результатам оценки не позднее срока, указанного в [пункте 3.2 настоящего Стандарта](#c-3-2), составляется план обслуживания, который согласовывается с получателем услуг. Электронная форма плана регистрируется в журнале учёта под номером `HS-001-M`.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Gyssagly ýagdaýlarda, hususan-da hyzmat alyjy hassahanadan çykarylanda ýa-da ideg edýän maşgala agzasy birden ýogalanda, hyzmat wagtlaýyn meýilnama esasynda arza kabul edilen gün başlanýar. Doly baha bermek soňra umumy tertipde geçirilýär.',
            ru: 'В неотложных случаях, в частности при выписке получателя услуг из больницы или внезапной смерти ухаживающего члена семьи, обслуживание начинается в день приёма заявления на основе временного плана. Полная оценка затем проводится в общем порядке.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Baha bermek hyzmat alyjy üçin düşnükli dilde, onuň razylygy bilen we zerur bolanda maşgala agzalarynyň gatnaşmagynda geçirilýär. Hyzmat alyjy öz islegine görä baha bermegiň islendik tapgyrynda ynanýan adamyny çagyryp biler.',
            ru: 'Оценка проводится на понятном для получателя услуг языке, с его согласия и при необходимости с участием членов семьи. Получатель услуг по своему желанию может пригласить доверенное лицо на любом этапе оценки.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmatlary bellemek barada karar etrap häkimliginiň durmuş hyzmatlary bölüminiň müdiri tarapyndan kabul edilýär. Ministrligiň hyzmatlar baradaky maglumatlary [ministrligiň saýtynda](https://www.mlsp.gov.tm/tk/services?lang=tk&view=all) ýerleşdirilýär.',
            ru: 'Решение о назначении услуг принимает заведующий отделом социальных услуг хякимлика этрапа. Сведения Министерства об услугах размещаются на [сайте министерства](https://www.mlsp.gov.tm/ru/services?lang=ru&view=all).',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmatlaryň sanawy we möçberi', ru: 'Перечень и объём услуг' },
    anchor: 'sanaw',
    parts: [
      {
        clause: {
          text: {
            tk: 'Öýde berilýän durmuş hyzmatlarynyň sanawy, olaryň ýygylygy we jogapkär işgärler [1-nji tablisada](#t-1) görkezilýär.',
            ru: 'Перечень социальных услуг, предоставляемых на дому, их периодичность и ответственные работники приведены в [таблице 1](#t-1).',
          },
        },
      },
      {
        table: {
          anchor: 't-1',
          caption: { tk: 'Tablisa 1. Öýde berilýän durmuş hyzmatlarynyň sanawy', ru: 'Таблица 1. Перечень социальных услуг, предоставляемых на дому' },
          columns: [{ width: 1, align: 'center' }, { width: 9 }, { width: 4, align: 'center' }, { width: 5 }],
          header: [
            { tk: '№', ru: '№' },
            { tk: 'Hyzmatyň görnüşi', ru: 'Вид услуги' },
            { tk: 'Ýygylygy', ru: 'Периодичность' },
            { tk: 'Jogapkär', ru: 'Ответственный' },
          ],
          rows: SERVICES.map(([name, freq, who], i) => [{ tk: String(i + 1), ru: String(i + 1) }, name, freq, who]),
        },
      },
      {
        paragraph: {
          tk: 'Bellik: hyzmatlaryň ýygylygy takmynan görkezilýär we hyzmat meýilnamasynda anyklanýar.',
          ru: 'Примечание: периодичность услуг указана ориентировочно и уточняется в плане обслуживания.',
        },
        style: 'note',
      },
      {
        clause: {
          text: {
            tk: 'Bir hyzmat alyjy üçin hepdede berilýän hyzmatlaryň umumy dowamlylygy **12 sagatdan** geçmeli däldir. Has köp wagt talap edilýän ýagdaýynda hyzmat alyja gündizki bölüm ýa-da ýaşaýyş edarasy hödürlenýär.',
            ru: 'Общая продолжительность услуг, предоставляемых одному получателю в неделю, не должна превышать **12 часов**. Если требуется больше времени, получателю предлагается отделение дневного пребывания или стационарное учреждение.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmatlar iş günlerinde sagat 8:00-dan 18:00-a çenli berilýär; gyssagly ýagdaýlarda dynç günlerinde hem berlip bilner.',
            ru: 'Услуги предоставляются в рабочие дни с 8:00 до 18:00; в неотложных случаях они могут предоставляться и в выходные дни.',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmaty bermegiň tertibi', ru: 'Порядок предоставления услуги' },
    anchor: 'tertip',
    parts: [
      { paragraph: { tk: 'Hyzmatlar hyzmat alyjynyň abraýyny, özbaşdaklygyny we öz durmuşy barada karar kabul etmek hukugyny hormatlamak esasynda berilýär. Durmuş işgäri hyzmat alyjynyň edip bilýän işlerini onuň deregine etmeýär, eýsem ony goldaýar.', ru: 'Услуги предоставляются на основе уважения достоинства, самостоятельности получателя услуг и его права принимать решения о своей жизни. Социальный работник не делает за получателя то, что тот может сделать сам, а поддерживает его.' } },
      {
        clause: {
          text: {
            tk: 'Her hyzmat alyja hemişelik durmuş işgäri berkidilýär. Bir durmuş işgärine berkidilýän hyzmat alyjylaryň sany **sekizden** köp bolmaly däldir.',
            ru: 'За каждым получателем услуг закрепляется постоянный социальный работник. Число получателей, закреплённых за одним социальным работником, не должно превышать **восьми**.',
          },
        },
      },
      {
        clause: {
          text: { tk: 'Durmuş işgäri:', ru: 'Социальный работник:' },
          items: [
            { tk: 'hyzmat meýilnamasynda görkezilen hyzmatlary wagtynda we doly möçberde berýär;', ru: 'своевременно и в полном объёме предоставляет услуги, указанные в плане обслуживания;' },
            { tk: 'her baryşyny hasaba alyş žurnalynda belleýär;', ru: 'отмечает каждое посещение в журнале учёта;' },
            { tk: 'hyzmat alyjynyň ýagdaýynyň üýtgändigi barada durmuş işi boýunça hünärmene şol gün habar berýär;', ru: 'в тот же день сообщает специалисту по социальной работе об изменении положения получателя услуг;' },
            { tk: 'hyzmat alyjynyň şahsy maglumatlarynyň gizlinligini saklaýar[^3].', ru: 'соблюдает конфиденциальность персональных данных получателя услуг[^3].' },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Durmuş işi boýunça hünärmen ýagdaý boýunça işi alyp barýar we hyzmatlaryň meýilnama laýyk berilişine gözegçilik edýär:',
            ru: 'Специалист по социальной работе ведёт случай и контролирует предоставление услуг в соответствии с планом:',
          },
          sub: [
            {
              text: {
                tk: 'aýda azyndan bir gezek hyzmat alyjynyň öýüne barýar;',
                ru: 'не реже одного раза в месяц посещает получателя услуг на дому;',
              },
            },
            {
              text: {
                tk: 'zerur bolanda hyzmat alyjyny beýleki edaralara ugrukdyrýar, şol sanda:',
                ru: 'при необходимости направляет получателя услуг в другие организации, в том числе:',
              },
              sub: [
                { text: { tk: 'saglygy goraýyş edaralaryna;', ru: 'в медицинские организации;' } },
                { text: { tk: 'pensiýa we kömek pullaryny bellemek boýunça bölümlere;', ru: 'в отделы назначения пенсий и пособий;' } },
                { text: { tk: 'jemgyýetçilik guramalaryna.', ru: 'в общественные организации.' } },
              ],
            },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat alyjy hyzmatlardan wagtlaýyn ýüz öwrüp biler. Bu barada ol durmuş işgärine azyndan üç gün öň habar berýär.',
            ru: 'Получатель услуг может временно отказаться от услуг, сообщив об этом социальному работнику не менее чем за три дня.',
          },
        },
      },
      {
        clause: {
          anchor: 'c-5-5',
          text: { tk: 'Hyzmat şu ýagdaýlarda bes edilýär:', ru: 'Предоставление услуги прекращается в следующих случаях:' },
          items: [
            { tk: 'hyzmat alyjynyň ýazmaça arzasy boýunça;', ru: 'по письменному заявлению получателя услуг;' },
            { tk: 'hyzmat alyjy ýaşaýyş edarasyna ýerleşdirilende;', ru: 'при помещении получателя услуг в стационарное учреждение;' },
            { tk: 'hyzmat alyjy başga etraba göçüp gidende;', ru: 'при переезде получателя услуг в другой этрап;' },
            { tk: 'täzeden baha berlende hyzmata zerurlygyň ýokdugy anyklananda.', ru: 'при установлении в ходе повторной оценки отсутствия потребности в услуге.' },
          ],
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmat berijä we işgärlere bildirilýän talaplar', ru: 'Требования к поставщику услуг и персоналу' },
    anchor: 'talaplar',
    parts: [
      {
        clause: {
          text: { tk: 'Hyzmat beriji edarada şular bolmalydyr:', ru: 'Поставщик услуг должен располагать:' },
          items: [
            { tk: 'hyzmat alyjylaryň sanyna laýyk gelýän ştat birlikleri we ygtyýarlandyrylan işgärler;', ru: 'штатными единицами и уполномоченными работниками в соответствии с числом получателей услуг;' },
            { tk: 'oba ýerlerinde ýaşaýan hyzmat alyjylara barmak üçin ulag serişdeleri ýa-da ulag çykdajylaryny tölemegiň tertibi;', ru: 'транспортными средствами или порядком возмещения транспортных расходов для посещения получателей услуг в сельской местности;' },
            { tk: 'hyzmat alyjylar, baryşlar we berlen hyzmatlar barada maglumatlary ýöretmek üçin hasaba alyş ulgamy;', ru: 'системой учёта сведений о получателях услуг, посещениях и оказанных услугах;' },
            { tk: 'şikaýatlary kabul etmegiň we olara seretmegiň ýazmaça tertibi;', ru: 'письменным порядком приёма и рассмотрения жалоб;' },
            { tk: 'işgärler üçin gigiýena serişdeleri, ellik we ilkinji kömek gutusy.', ru: 'средствами гигиены, перчатками и аптечкой первой помощи для работников.' },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Durmuş işgäriniň wezipesine orta hünär ýa-da ýokary bilimi bolan, saglyk ýagdaýy boýunça bu işe garşylyk görkezmesi bolmadyk we ilkinji taýýarlyk okuwyny geçen adamlar kabul edilýär.',
            ru: 'На должность социального работника принимаются лица со средним профессиональным или высшим образованием, не имеющие противопоказаний к работе по состоянию здоровья и прошедшие первоначальное обучение.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Işgärler ýylda azyndan 40 sagat hünär derejesini ýokarlandyrmak okuwyny geçýärler. Okuwyň maksatnamasy şu temalary öz içine alýar:',
            ru: 'Работники ежегодно проходят не менее 40 часов обучения по повышению квалификации. Программа обучения включает следующие темы:',
          },
          sub: [
            { text: { tk: 'ilkinji lukmançylyk kömegini bermek we gyssagly ýagdaýlarda hereket etmek;', ru: 'оказание первой медицинской помощи и действия в экстренных ситуациях;' } },
            { text: { tk: 'maýyplygy bolan we garry adamlar bilen hormat goýup gatnaşyk etmek;', ru: 'уважительное общение с пожилыми людьми и людьми с инвалидностью;' } },
            { text: { tk: 'zorlugyň we ünsüz galdyrmagyň alamatlaryny ýüze çykarmak hem-de degişli edaralara ugrukdyrmak;', ru: 'выявление признаков насилия и пренебрежения и направление в соответствующие организации;' } },
            { text: { tk: 'şahsy maglumatlary goramak we hünär edebi.', ru: 'защита персональных данных и профессиональная этика.' } },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Durmuş işgärleri hyzmat alyjynyň öýüne baranlarynda edaranyň adyny, öz familiýasyny we suratyny görkezýän nyşany göterýärler we hyzmat alyjynyň talap etmegi boýunça ony görkezýärler.',
            ru: 'Социальные работники при посещении получателя услуг носят бейдж с наименованием организации, своей фамилией и фотографией и предъявляют его по требованию получателя услуг.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat beriji işgärleriň iş ýüküni deňagramly paýlaýar, olary zähmeti goramak serişdeleri bilen üpjün edýär we aýda azyndan bir gezek iş boýunça maslahat (superwiziýa) geçirýär.',
            ru: 'Поставщик услуг равномерно распределяет нагрузку между работниками, обеспечивает их средствами охраны труда и не реже одного раза в месяц проводит профессиональные консультации (супервизию).',
          },
          more: [
            {
              tk: 'Superwiziýanyň netijeleri ýazmaça resmileşdirilýär we işgäriň şahsy işinde saklanýar. Netijeler işgäriň okuw zerurlyklaryny kesgitlemek üçin peýdalanylýar.',
              ru: 'Результаты супервизии оформляются письменно и хранятся в личном деле работника. Они используются для определения потребностей работника в обучении.',
            },
          ],
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmat alyjynyň hukuklary we borçlary', ru: 'Права и обязанности получателя услуг' },
    anchor: 'hukuklar',
    parts: [
      {
        clause: {
          text: { tk: 'Hyzmat alyjy şu hukuklara eýedir:', ru: 'Получатель услуг имеет право:' },
          items: [
            { tk: 'hyzmatlaryň görnüşleri, möçberi, möhletleri we bermegiň şertleri barada doly we düşnükli maglumat almaga;', ru: 'получать полную и понятную информацию о видах, объёме, сроках и условиях предоставления услуг;' },
            { tk: 'hyzmat meýilnamasyny düzmäge we oňa täzeden seretmäge gatnaşmaga;', ru: 'участвовать в составлении и пересмотре плана обслуживания;' },
            { tk: 'hormat goýulmaga, kemsidilmezlige we şahsy durmuşynyň eldegrilmesizligine;', ru: 'на уважительное отношение, недискриминацию и неприкосновенность частной жизни;' },
            { tk: 'hyzmatlardan doly ýa-da bölekleýin ýüz öwürmäge;', ru: 'полностью или частично отказаться от услуг;' },
            { tk: 'durmuş işgärini çalyşmak barada esaslandyrylan haýyş bilen ýüz tutmaga;', ru: 'обратиться с обоснованной просьбой о замене социального работника;' },
            { tk: 'hyzmatyň hili barada şikaýat etmäge we şikaýata seredilişiniň netijesi barada jogap almaga.', ru: 'подать жалобу на качество услуги и получить ответ о результатах её рассмотрения.' },
          ],
        },
      },
      {
        clause: {
          text: { tk: 'Hyzmat alyjy şu borçlary ýerine ýetirýär:', ru: 'Получатель услуг обязан:' },
          items: [
            { tk: 'hyzmaty bellemek üçin zerur bolan dogry maglumatlary bermek;', ru: 'предоставлять достоверные сведения, необходимые для назначения услуги;' },
            { tk: 'ýagdaýynyň, salgysynyň ýa-da girdejisiniň üýtgändigi barada on gün içinde habar bermek;', ru: 'в течение десяти дней сообщать об изменении своего положения, адреса или дохода;' },
            { tk: 'durmuş işgärine hormat goýmak we onuň howpsuz işlemegi üçin şert döretmek;', ru: 'уважительно относиться к социальному работнику и создавать условия для его безопасной работы;' },
            { tk: 'hyzmat meýilnamasynda ylalaşylan baryş wagtlaryny berjaý etmek.', ru: 'соблюдать согласованное в плане обслуживания время посещений.' },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat alyjy bilen hyzmat berijiniň arasynda ýüze çykýan jedeller ilki bilen gepleşikler arkaly çözülýär. Ylalaşyk gazanylmadyk ýagdaýynda jedel etrap häkimliginiň durmuş hyzmatlary bölüminiň müdiri tarapyndan on iş gününiň dowamynda seredilýär.',
            ru: 'Споры между получателем услуг и поставщиком услуг разрешаются прежде всего путём переговоров. Если соглашение не достигнуто, спор рассматривается заведующим отделом социальных услуг хякимлика этрапа в течение десяти рабочих дней.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat alyjynyň kanuny wekili ýa-da ol tarapyndan ynanç haty bilen ygtyýarlandyrylan adam onuň bähbitlerini goramak üçin şu bölümde görkezilen hukuklardan peýdalanyp biler.',
            ru: 'Законный представитель получателя услуг или лицо, уполномоченное им по доверенности, может пользоваться правами, указанными в настоящем разделе, для защиты его интересов.',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Howpsuzlyk we töwekgelçilikleri dolandyrmak', ru: 'Безопасность и управление рисками' },
    anchor: 'howpsuzlyk',
    parts: [
      {
        clause: {
          text: {
            tk: 'Ilkinji baryşda durmuş işgäri hyzmat alyjynyň öýündäki howpsuzlyk töwekgelçiliklerine baha berýär: ýykylmak howpy, gaz we elektrik enjamlarynyň ýagdaýy, ýyladyş, agyz suwunyň we derman serişdeleriniň bardygy.',
            ru: 'При первом посещении социальный работник оценивает риски для безопасности в доме получателя услуг: риск падения, состояние газового и электрического оборудования, отопление, наличие питьевой воды и лекарственных средств.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Ýüze çykarylan töwekgelçilikler hyzmat meýilnamasynda görkezilýär we olary azaltmak boýunça çäreler maşgala agzalary hem-de degişli gulluklar bilen bilelikde kesgitlenýär.',
            ru: 'Выявленные риски указываются в плане обслуживания, а меры по их снижению определяются совместно с членами семьи и соответствующими службами.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat alyjynyň ömrüne ýa-da saglygyna howp abanýan ýagdaýynda durmuş işgäri derrew gyssagly kömek gullugyna jaň edýär, soňra durmuş işi boýunça hünärmene we maşgala agzalaryna habar berýär.',
            ru: 'При угрозе жизни или здоровью получателя услуг социальный работник немедленно вызывает скорую помощь, затем сообщает специалисту по социальной работе и членам семьи.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Zorlugyň, ünsüz galdyrmagyň ýa-da maddy taýdan peýdalanmagyň alamatlary ýüze çykarylanda durmuş işgäri bu barada şol gün ýazmaça habar berýär. Habar bermek gizlinlik borjunyň bozulmagy hasaplanmaýar.',
            ru: 'При выявлении признаков насилия, пренебрежения или финансовой эксплуатации социальный работник в тот же день письменно сообщает об этом. Такое сообщение не считается нарушением обязанности соблюдать конфиденциальность.',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Hyzmatyň hiline we netijeliligine baha bermek', ru: 'Оценка качества и эффективности услуги' },
    anchor: 'hil',
    parts: [
      { paragraph: { tk: 'Baha bermegiň maksady hyzmat alyjylaryň durmuşynyň hakyky gowulanmagyny görkezmek we hyzmaty kämilleşdirmek üçin netijeler çykarmakdyr. Baha bermäge hyzmat alyjylar, olaryň maşgala agzalary, durmuş işgärleri we garaşsyz synçylar çekilýär. Netijeler ýerli ilata açyk görnüşde habar berilýär.', ru: 'Цель оценки – показать реальное улучшение жизни получателей услуг и сделать выводы для совершенствования услуги. К оценке привлекаются получатели услуг, члены их семей, социальные работники и независимые наблюдатели. Результаты открыто доводятся до сведения местного населения.' } },
      {
        clause: {
          text: {
            tk: 'Hyzmatyň hiline ýylda iki gezek baha berilýär. Baha bermek hyzmat alyjylaryň arasynda geçirilýän sorag-jogabyň, hasaba alyş žurnallarynyň we gözegçilik barlaglarynyň netijelerine esaslanýar.',
            ru: 'Качество услуги оценивается два раза в год. Оценка основывается на результатах анкетирования получателей услуг, журналов учёта и контрольных проверок.',
          },
        },
      },
      {
        clause: {
          text: { tk: 'Hyzmatyň netijeliliginiň esasy görkezijileri:', ru: 'Основные показатели эффективности услуги:' },
          items: [
            { tk: 'hyzmatdan kanagatlanýan hyzmat alyjylaryň paýy (azyndan 85 %);', ru: 'доля получателей услуг, удовлетворённых услугой (не менее 85 %);' },
            { tk: 'meýilnamada göz öňünde tutulan baryşlaryň ýerine ýetirilişi (azyndan 95 %);', ru: 'выполнение предусмотренных планом посещений (не менее 95 %);' },
            { tk: 'arza kabul edilenden hyzmat başlanýança geçen ortaça möhlet (on iş gününden köp däl);', ru: 'средний срок от приёма заявления до начала предоставления услуги (не более десяти рабочих дней);' },
            { tk: 'esaslandyrylan şikaýatlaryň sany.', ru: 'число обоснованных жалоб.' },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Baha bermegiň netijeleri etrap häkimliginiň durmuş hyzmatlary bölüminiň ýyllyk hasabatyna goşulýar we ministrlige iberilýär[^4].',
            ru: 'Результаты оценки включаются в годовой отчёт отдела социальных услуг хякимлика этрапа и направляются в министерство[^4].',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat alyjylar hyzmatyň hili barada şikaýatlaryny durmuş hyzmatlary bölümine ýa-da göni ministrlige berip bilerler. Şikaýatlara on bäş iş gününiň dowamynda seredilýär[^4].',
            ru: 'Получатели услуг могут подать жалобу на качество услуги в отдел социальных услуг или непосредственно в министерство. Жалобы рассматриваются в течение пятнадцати рабочих дней[^4].',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Maliýeleşdirme, hasaba alyş we hasabatlylyk', ru: 'Финансирование, учёт и отчётность' },
    anchor: 'maliye',
    parts: [
      {
        clause: {
          text: {
            tk: 'Öýde durmuş hyzmatlary döwlet býujetiniň serişdeleriniň hasabyna mugt berilýär. Hyzmat alyjynyň isleg bildirmegi boýunça meýilnamadan daşary goşmaça hyzmatlar ministrlik tarapyndan tassyklanan nyrhlar boýunça tölegli esasda berlip bilner.',
            ru: 'Социальные услуги на дому предоставляются бесплатно за счёт средств государственного бюджета. По желанию получателя услуг дополнительные услуги сверх плана могут предоставляться на платной основе по тарифам, утверждённым министерством.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Tölegli hyzmatlaryň möçberi hyzmat alyjynyň aýlyk girdejisiniň on bäş göteriminden geçmeli däldir. Girdejisi kesgitlenen iň pes derejeden az bolan hyzmat alyjylar töleglerden boşadylýar.',
            ru: 'Размер платы за услуги не должен превышать пятнадцати процентов ежемесячного дохода получателя услуг. Получатели, доход которых ниже установленного минимального уровня, освобождаются от оплаты.',
          },
        },
      },
      {
        clause: {
          text: { tk: 'Hyzmat beriji şu resminamalary ýöredýär:', ru: 'Поставщик услуг ведёт следующие документы:' },
          items: [
            { tk: 'hyzmat alyjylaryň hasaba alyş žurnalyny;', ru: 'журнал учёта получателей услуг;' },
            { tk: 'her hyzmat alyjy boýunça ýagdaýyň şahsy işini (arza, baha bermegiň netijeleri, hyzmat meýilnamasy, karar);', ru: 'личное дело по каждому получателю услуг (заявление, результаты оценки, план обслуживания, решение);' },
            { tk: 'baryşlaryň we berlen hyzmatlaryň gündelik hasabyny;', ru: 'ежедневный учёт посещений и оказанных услуг;' },
            { tk: 'şikaýatlaryň we olara seredilişiniň hasabyny.', ru: 'учёт жалоб и результатов их рассмотрения.' },
          ],
        },
      },
      {
        clause: {
          text: {
            tk: 'Resminamalar kagyz we elektron görnüşde ýöredilýär hem-de hyzmat tamamlanandan soň azyndan bäş ýyllap saklanýar. Elektron maglumatlara diňe ygtyýarlandyrylan işgärleriň girmegi üpjün edilýär.',
            ru: 'Документы ведутся в бумажной и электронной форме и хранятся не менее пяти лет после завершения обслуживания. Доступ к электронным сведениям предоставляется только уполномоченным работникам.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Hyzmat beriji her çärýek tamamlanandan soň on iş gününiň dowamynda etrap häkimliginiň durmuş hyzmatlary bölümine hasabat berýär. Hasabatyň görkezijileri [2-nji goşundyda](#annex2) getirilýär.',
            ru: 'Поставщик услуг в течение десяти рабочих дней после окончания каждого квартала представляет отчёт в отдел социальных услуг хякимлика этрапа. Показатели отчёта приведены в [приложении № 2](#annex2).',
          },
        },
      },
    ],
  },
  {
    title: { tk: 'Jogapkärçilik we gözegçilik', ru: 'Ответственность и контроль' },
    anchor: 'jogapkarcilik',
    parts: [
      {
        clause: {
          text: {
            tk: 'Hyzmatyň şu Standarta laýyk berilmegi üçin jogapkärçilik etrap häkimliginiň durmuş hyzmatlary bölüminiň müdiriniň üstüne ýüklenýär.',
            ru: 'Ответственность за предоставление услуги в соответствии с настоящим Стандартом возлагается на заведующего отделом социальных услуг хякимлика этрапа.',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Şu Standartyň ýerine ýetirilişine gözegçiligi Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi we onuň welaýat müdirlikleri amala aşyrýar. Gözegçilik [şu Standartyň 5.5-nji bendinde](#c-5-5) görkezilen ýagdaýlaryň esaslandyrylyşyny hem öz içine alýar.',
            ru: 'Контроль за исполнением настоящего Стандарта осуществляет Министерство труда и социальной защиты населения Туркменистана и его велаятские управления. Контроль включает и обоснованность случаев, указанных в [пункте 5.5 настоящего Стандарта](#c-5-5).',
          },
        },
      },
      {
        clause: {
          text: {
            tk: 'Şu Standart hyzmatyň berlişine gözegçiligiň netijeleri boýunça, ýöne iki ýylda azyndan bir gezek täzeden seredilýär.',
            ru: 'Настоящий Стандарт пересматривается по результатам контроля за предоставлением услуги, но не реже одного раза в два года.',
          },
        },
      },
    ],
  },
];

const ANNEX: { mark: L; title: L; clauses: L[]; signature: [L, L] } = {
  mark: {
    tk: 'Öýde durmuş hyzmatlaryny bermegiň\nstandartyna 1-nji goşundy',
    ru: 'Приложение № 1\nк Стандарту предоставления\nсоциальных услуг на дому',
  },
  title: { tk: 'Öýde durmuş hyzmatyny almak üçin arzanyň nusgasy', ru: 'Образец заявления о предоставлении социальной услуги на дому' },
  clauses: [
    { tk: 'Familiýasy, ady, atasynyň ady: ________________________________', ru: 'Фамилия, имя, отчество: ________________________________' },
    { tk: 'Ýaşaýan ýeriniň salgysy: ________________________________', ru: 'Адрес места жительства: ________________________________' },
    { tk: 'Pasportynyň belgisi: I-AŞ № 123456 ýaly', ru: 'Номер паспорта: например, I-AŞ № 123456' },
    { tk: 'Haýyş edilýän hyzmatlar: ________________________________', ru: 'Запрашиваемые услуги: ________________________________' },
    { tk: 'Men şahsy maglumatlarymyň hyzmaty bermek maksady bilen işlenilmegine razylyk berýärin.', ru: 'Я даю согласие на обработку моих персональных данных в целях предоставления услуги.' },
  ],
  signature: [
    { tk: 'Arza beriji: ______________', ru: 'Заявитель: ______________' },
    { tk: '«___» __________ 20__ ý.', ru: '«___» __________ 20__ г.' },
  ],
};

const FOOTNOTES: L[] = [
  {
    tk: 'Türkmenistanyň Mejlisiniň Maglumatlary, 2012 ý., № 4, 98-nji madda; soňky üýtgetmeler bilen.',
    ru: 'Ведомости Меджлиса Туркменистана, 2012 г., № 4, ст. 98; с последующими изменениями.',
  },
  {
    tk: 'Lukmançylyk garşylyk görkezmeleriniň sanawy Türkmenistanyň Saglygy goraýyş we derman senagaty ministrligi tarapyndan tassyklanylýar.',
    ru: 'Перечень медицинских противопоказаний утверждается Министерством здравоохранения и медицинской промышленности Туркменистана.',
  },
  { tk: 'Şahsy maglumatlar «Şahsy maglumatlar we olary goramak hakynda» Türkmenistanyň Kanunyna laýyklykda işlenilýär.', ru: 'Персональные данные обрабатываются в соответствии с Законом Туркменистана «Об информации о личной жизни и её защите».' },
  {
    tk: 'Hasabatyň görnüşi ministrlik tarapyndan tassyklanylýar; görkezijiler ýyllyk we ýarym ýyllyk hasaplanylýar. Usulyýet: [stat.gov.tm](https://www.stat.gov.tm/?a=1&b=2).',
    ru: 'Форма отчёта утверждается министерством; показатели рассчитываются за год и полугодие. Методика: [stat.gov.tm](https://www.stat.gov.tm/?a=1&b=2).',
  },
];

const FRONT: Record<Lang, { approval: string; draft: string; title: string; subtitle: string; city: string; toc: string; signLeft: string; signRight: string }> = {
  tk: {
    approval: 'Türkmenistanyň Zähmet we ilaty durmuş\ntaýdan goramak ministriniň\n2026-njy ýylyň 15-nji aprelinde\nçykaran 45-Ö belgili buýrugy bilen\ntassyklanyldy',
    draft: 'Taslama',
    title: 'Öýde durmuş hyzmatlaryny bermegiň standarty',
    subtitle: 'Hyzmatyň spesifikasiýasy · HS-001 · wersiýa 1.2',
    city: 'Aşgabat – 2026',
    toc: 'Mazmuny',
    signLeft: 'Ministriň orunbasary',
    signRight: 'A. Annaýew',
  },
  ru: {
    approval: 'УТВЕРЖДЁН\nприказом Министра труда и социальной\nзащиты населения Туркменистана\nот 15 апреля 2026 г. №\u00A045-Ö',
    draft: 'Проект',
    title: 'Стандарт предоставления социальных услуг на дому',
    subtitle: 'Спецификация услуги · HS-001 · версия 1.2',
    city: 'Ашхабад – 2026',
    toc: 'Содержание',
    signLeft: 'Заместитель министра',
    signRight: 'А. Аннаев',
  },
};

// ---------------------------------------------------------------------------------------------
// Model building (what the resolve stage does: labels, numbering references, TOC entries)
// ---------------------------------------------------------------------------------------------

const PT_PER_MM = 72 / 25.4;
const mmPt = (mm: number): number => Math.round(mm * PT_PER_MM * 100) / 100;

/**
 * Clause depth d: the label hangs at the text of the clause above, with room for two-digit
 * numbers at 14 pt ("10.4." needs about 10 mm, "10.4.2.1." about 20 mm, plus a gap).
 */
function clauseIndent(depth: number): { left: number; hanging: number } {
  const hanging = [12.5, 17.5, 22.5][depth] ?? 22.5;
  const start = [0, 12.5, 30][depth] ?? 30;
  return { left: mmPt(start + hanging), hanging: mmPt(hanging) };
}

export const SPEC_NUMBERING: NumberingDefinition[] = [
  {
    ref: 'sections',
    levels: [
      { level: 0, format: 'decimal', text: '%1.', indent: { left: 0, hanging: 0 }, suffix: 'space' },
      { level: 1, format: 'decimal', text: '%1.%2.', indent: clauseIndent(0), suffix: 'tab' },
      { level: 2, format: 'decimal', text: '%1.%2.%3.', indent: clauseIndent(1), suffix: 'tab' },
      { level: 3, format: 'decimal', text: '%1.%2.%3.%4.', indent: clauseIndent(2), suffix: 'tab' },
    ],
  },
  { ref: 'annex1', levels: [{ level: 0, format: 'decimal', text: '%1.', indent: clauseIndent(0), suffix: 'tab' }] },
];

function clauseBlocks(spec: ClauseSpec, path: number[], depth: number, lang: Lang, ref: string, levelOffset: number): Block[] {
  const clause: ParagraphBlock = {
    type: 'paragraph',
    style: 'clause',
    label: `${path.join('.')}.`,
    depth,
    numbering: { ref, level: depth + levelOffset },
    runs: inline(spec.text[lang]),
    ...(spec.anchor ? { anchor: spec.anchor } : {}),
  };
  const items = (spec.items ?? []).map((item, i): ParagraphBlock => ({ type: 'paragraph', style: 'item', label: `${LETTERS[lang][i]})`, depth: depth + 1, runs: inline(item[lang]) }));
  const subs = (spec.sub ?? []).flatMap((sub, i) => clauseBlocks(sub, [...path, i + 1], depth + 1, lang, ref, levelOffset));
  const more = (spec.more ?? []).map((text): ParagraphBlock => ({ type: 'paragraph', style: 'continuation', depth, runs: inline(text[lang]) }));
  return [clause, ...items, ...subs, ...more];
}

function cell(text: string): TableCell {
  return { runs: inline(text) };
}

function sectionBlocks(section: SectionSpec, n: number, lang: Lang): Block[] {
  const heading: HeadingBlock = { type: 'heading', level: 1, label: `${n}.`, numbering: { ref: 'sections', level: 0 }, runs: inline(section.title[lang]), anchor: section.anchor, outline: true };
  const out: Block[] = [heading];
  let clause = 0;
  for (const part of section.parts) {
    if ('clause' in part) out.push(...clauseBlocks(part.clause, [n, ++clause], 0, lang, 'sections', 1));
    else if ('subheading' in part) out.push({ type: 'heading', level: 2, runs: inline(part.subheading[lang]), anchor: part.anchor, outline: true });
    else if ('paragraph' in part) out.push({ type: 'paragraph', style: part.style ?? 'body', runs: inline(part.paragraph[lang]) });
    else {
      const t = part.table;
      out.push({
        type: 'table',
        anchor: t.anchor,
        caption: inline(t.caption[lang]),
        columns: t.columns,
        header: t.header.map((h) => cell(h[lang])),
        rows: t.rows.map((row) => row.map((c) => cell(c[lang]))),
      });
    }
  }
  return out;
}

function annexBlocks(lang: Lang): Block[] {
  return [
    { type: 'paragraph', style: 'annexMark', runs: lines(ANNEX.mark[lang]) },
    { type: 'heading', level: 1, runs: inline(ANNEX.title[lang]), anchor: 'annex1', outline: true },
    ...ANNEX.clauses.flatMap((c, i): Block[] => [{ type: 'paragraph', style: 'clause', label: `${i + 1}.`, depth: 0, numbering: { ref: 'annex1', level: 0 }, runs: inline(c[lang]) }]),
    { type: 'spacer', points: 24 },
    { type: 'signature', left: inline(ANNEX.signature[0][lang]), right: inline(ANNEX.signature[1][lang]) },
  ];
}

const INDICATORS: Array<[L, L]> = [
  [{ tk: 'Hasapda durýan hyzmat alyjylaryň sany', ru: 'Число получателей услуг, состоящих на учёте' }, { tk: 'adam', ru: 'человек' }],
  [{ tk: 'Şol sanda ýeke ýaşaýan garry adamlar', ru: 'В том числе одиноко проживающие пожилые люди' }, { tk: 'adam', ru: 'человек' }],
  [{ tk: 'Şol sanda maýyplygy bolan adamlar', ru: 'В том числе лица с инвалидностью' }, { tk: 'adam', ru: 'человек' }],
  [{ tk: 'Çärýegiň dowamynda täze kabul edilen arzalar', ru: 'Заявления, принятые за квартал' }, { tk: 'sany', ru: 'штук' }],
  [{ tk: 'Ýüz dönderilen arzalar', ru: 'Заявления, по которым отказано' }, { tk: 'sany', ru: 'штук' }],
  [{ tk: 'Amala aşyrylan baryşlar', ru: 'Выполненные посещения' }, { tk: 'sany', ru: 'штук' }],
  [{ tk: 'Meýilnamalaşdyrylan baryşlaryň ýerine ýetirilişi', ru: 'Выполнение запланированных посещений' }, { tk: 'göterim', ru: 'процент' }],
  [{ tk: 'Hyzmatdan kanagatlanýanlaryň paýy', ru: 'Доля удовлетворённых услугой' }, { tk: 'göterim', ru: 'процент' }],
  [{ tk: 'Kabul edilen şikaýatlar', ru: 'Поступившие жалобы' }, { tk: 'sany', ru: 'штук' }],
  [{ tk: 'Şol sanda esaslandyrylan şikaýatlar', ru: 'В том числе обоснованные жалобы' }, { tk: 'sany', ru: 'штук' }],
  [{ tk: 'Beýleki edaralara ugrukdyrmalar', ru: 'Направления в другие организации' }, { tk: 'sany', ru: 'штук' }],
  [{ tk: 'Hünär derejesini ýokarlandyran işgärler', ru: 'Работники, повысившие квалификацию' }, { tk: 'adam', ru: 'человек' }],
];

function annex2Blocks(lang: Lang): Block[] {
  const t = (x: L): TableCell => cell(x[lang]);
  return [
    { type: 'paragraph', style: 'annexMark', runs: lines(lang === 'tk' ? 'Öýde durmuş hyzmatlaryny bermegiň\nstandartyna 2-nji goşundy' : 'Приложение № 2\nк Стандарту предоставления\nсоциальных услуг на дому') },
    { type: 'heading', level: 1, runs: inline(lang === 'tk' ? 'Çärýek hasabatynyň görkezijileri' : 'Показатели квартального отчёта'), anchor: 'annex2', outline: true },
    {
      type: 'paragraph',
      style: 'body',
      runs: inline(
        lang === 'tk'
          ? 'Hasabat her çärýek üçin düzülýär we etrap häkimliginiň durmuş hyzmatlary bölüminiň müdiri tarapyndan tassyklanýar. Görkezijiler hasabat döwrüniň soňky gününe bolan ýagdaý boýunça görkezilýär.'
          : 'Отчёт составляется за каждый квартал и утверждается заведующим отделом социальных услуг хякимлика этрапа. Показатели приводятся по состоянию на последний день отчётного периода.',
      ),
    },
    {
      type: 'table',
      caption: inline(lang === 'tk' ? 'Tablisa 2. Hasabatyň görkezijileri' : 'Таблица 2. Показатели отчёта'),
      columns: [{ width: 1, align: 'center' }, { width: 10 }, { width: 3, align: 'center' }, { width: 3, align: 'right' }],
      header: [t({ tk: '№', ru: '№' }), t({ tk: 'Görkeziji', ru: 'Показатель' }), t({ tk: 'Ölçeg birligi', ru: 'Единица измерения' }), t({ tk: 'Bahasy', ru: 'Значение' })],
      rows: INDICATORS.map(([name, unit], i) => [cell(String(i + 1)), t(name), t(unit), cell('')]),
    },
    {
      type: 'paragraph',
      style: 'note',
      runs: inline(lang === 'tk' ? 'Bellik: göterimler bir onluk belgä çenli tegelekleýär.' : 'Примечание: проценты округляются до одного десятичного знака.'),
    },
  ];
}

function tocEntries(blocks: readonly Block[]): TocEntry[] {
  return blocks.flatMap((b): TocEntry[] =>
    b.type === 'heading' && b.outline && b.anchor ? [{ level: b.level, text: `${b.label ? `${b.label} ` : ''}${plain(b.runs)}`, anchor: b.anchor }] : [],
  );
}

export function specModel(lang: Lang): DocModel {
  const f = FRONT[lang];
  const body: Block[] = [...SECTIONS.flatMap((s, i) => sectionBlocks(s, i + 1, lang)), { type: 'spacer', points: 36 }, { type: 'signature', left: inline(f.signLeft), right: inline(f.signRight) }];
  const annexes = [annexBlocks(lang), annex2Blocks(lang)];
  const front: Block[] = [
    { type: 'paragraph', style: 'approval', runs: lines(f.approval) },
    { type: 'spacer', points: 12 },
    { type: 'paragraph', style: 'draftMark', runs: inline(f.draft) },
    { type: 'spacer', points: 96 },
    { type: 'paragraph', style: 'title', runs: inline(f.title) },
    { type: 'paragraph', style: 'subtitle', runs: inline(f.subtitle) },
    { type: 'spacer', points: 220 },
    { type: 'paragraph', style: 'coverText', runs: inline(f.city) },
    { type: 'pageBreak' },
    { type: 'toc', title: f.toc, entries: tocEntries([...body, ...annexes.flat()]) },
    { type: 'pageBreak' },
  ];
  return {
    id: 'hs-001-oyde-hyzmat',
    kind: 'service-specification',
    lang,
    properties: {
      title: f.title,
      subject: lang === 'tk' ? 'Öýde durmuş hyzmatlary' : 'Социальные услуги на дому',
      author: lang === 'tk' ? 'Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi' : 'Министерство труда и социальной защиты населения Туркменистана',
      keywords: lang === 'tk' ? ['durmuş hyzmaty', 'öýde ideg', 'standart'] : ['социальная услуга', 'уход на дому', 'стандарт'],
      language: lang === 'tk' ? 'tk-TM' : 'ru-RU',
      date: '2026-04-15T09:30:00Z',
      version: '1.2',
      status: 'draft',
    },
    page: { margins: { top: 20, right: 10, bottom: 20, left: 30 }, fontSize: 14, lineSpacing: 1.15, firstLineIndent: 12.5 },
    running: {
      header: lang === 'tk' ? 'Öýde durmuş hyzmatlarynyň standarty · HS-001 · wersiýa 1.2' : 'Стандарт социальных услуг на дому · HS-001 · версия 1.2',
      pageOf: lang === 'tk' ? 'Sahypa {page} / {pages}' : 'Страница {page} из {pages}',
      draftMark: lang === 'tk' ? 'TASLAMA' : 'ПРОЕКТ',
    },
    numbering: SPEC_NUMBERING,
    front,
    body,
    annexes,
    footnotes: FOOTNOTES.map((n) => inline(n[lang])),
  };
}

// ---------------------------------------------------------------------------------------------
// A normative act: chapters "I bap." and points numbered on across chapters, with sub-points.
// ---------------------------------------------------------------------------------------------

export const ACT_NUMBERING: NumberingDefinition[] = [
  { ref: 'chapters', levels: [{ level: 0, format: 'upperRoman', text: '%1 bap.', indent: { left: 0, hanging: 0 }, suffix: 'space' }] },
  {
    ref: 'points',
    levels: [
      { level: 0, format: 'decimal', text: '%1.', indent: clauseIndent(0), suffix: 'tab' },
      { level: 1, format: 'decimal', text: '%2)', indent: { left: mmPt(22.5), hanging: mmPt(10) }, suffix: 'tab' },
    ],
  },
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function actModel(): DocModel {
  const base = specModel('tk');
  const chapters: Array<{ title: string; points: Array<{ text: string; sub?: string[] }> }> = [
    {
      title: 'Umumy düzgünler',
      points: [
        { text: 'Şu Tertip etrap derejesinde ýagdaý boýunça işi alyp barmagyň tertibini kesgitleýär.' },
        { text: 'Tertip şu edaralara degişlidir:', sub: ['etrap häkimlikleriniň durmuş hyzmatlary bölümlerine;', 'saglygy goraýyş edaralaryna;', 'bilim edaralaryna.'] },
      ],
    },
    {
      title: 'Ýagdaýy hasaba almak',
      points: [
        { text: 'Her ýagdaý ýüz tutulan gün hasaba alynýar.' },
        { text: 'Hasaba alyş žurnalynda şular görkezilýär:', sub: ['ýüz tutanyň ady;', 'ýüz tutmagyň senesi;', 'ýagdaýyň gysgaça beýany;', 'jogapkär hünärmen.'] },
        { text: 'Ýagdaý üç iş gününiň dowamynda jogapkär hünärmene berkidilýär.' },
      ],
    },
    { title: 'Jemleýji düzgünler', points: [{ text: 'Şu Tertip gol çekilen gününden güýje girýär.' }] },
  ];
  const body: Block[] = [];
  let point = 0;
  chapters.forEach((chapter, c) => {
    body.push({ type: 'heading', level: 1, label: `${ROMAN[c]} bap.`, numbering: { ref: 'chapters', level: 0 }, runs: inline(chapter.title), anchor: `bap-${c + 1}`, outline: true });
    for (const p of chapter.points) {
      point++;
      body.push({ type: 'paragraph', style: 'clause', label: `${point}.`, depth: 0, numbering: { ref: 'points', level: 0 }, runs: inline(p.text) });
      (p.sub ?? []).forEach((s, i) => body.push({ type: 'paragraph', style: 'clause', label: `${i + 1})`, depth: 1, numbering: { ref: 'points', level: 1 }, runs: inline(s) }));
    }
  });
  return {
    ...base,
    id: 'tertip-yagday',
    kind: 'normative-act',
    properties: { ...base.properties, title: 'Ýagdaý boýunça işi alyp barmagyň tertibi', status: 'approved' },
    running: { ...base.running, draftMark: '' },
    numbering: ACT_NUMBERING,
    front: [{ type: 'paragraph', style: 'title', runs: inline('Ýagdaý boýunça işi alyp barmagyň tertibi') }],
    body,
    annexes: [],
    footnotes: [],
  };
}

/** Number of words in the model's runs (for the performance figure). */
export function wordCount(model: DocModel): number {
  const texts: string[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph' || b.type === 'heading') texts.push(plain(b.runs));
      else if (b.type === 'table') texts.push(plain(b.caption ?? []), ...b.header.map((c) => plain(c.runs)), ...b.rows.flatMap((r) => r.map((c) => plain(c.runs))));
      else if (b.type === 'signature') texts.push(plain(b.left), plain(b.right));
      else if (b.type === 'toc') texts.push(b.title, ...b.entries.map((e) => e.text));
    }
  };
  visit(model.front);
  visit(model.body);
  model.annexes.forEach(visit);
  texts.push(...model.footnotes.map(plain));
  return texts.join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
