// The referral pathway diagram of the GBV SOP (specs/sops/gbv-response), in Turkmen and Russian:
// writes an SVG per language and converts it to PNG with rsvg-convert (Debian: librsvg2-bin). A
// developer's tool, not part of the build: the PNGs are committed under specs/assets/.
// Run: node scripts/figures/gbv-referral.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const W = 1400;

const TEXT = {
  tk: {
    entry: ['Ýüz tutma nokatlary: ynam telefony, krizis merkezi,', 'etrap durmuş işi gullugy, saglygy goraýyş edaralary,', 'polisiýa edaralary, mekdepler'],
    first: ['Ilkinji ýüzlenme: aýratyn we howpsuz ýerde gürleşmek,', 'howpsuzlyk we lukmançylyk zerurlyklary,', 'habarly razylyk (F1)'],
    danger: ['Janyna gönüden-göni', 'howp: polisiýa we', 'gyssagly lukmançylyk', 'kömegi derrew', 'çagyrylýar'],
    risk: ['Howp derejesine baha bermek (F3)', '24 sagadyň dowamynda;', 'howpsuzlyk meýilnamasy (F4)'],
    referral: ['Ugrukdyrma (F5) diňe aýalyň habarly razylygy bilen;', 'kabul ediji edara 5 iş gününiň dowamynda', 'jogap berýär'],
    services: [['Krizis goldawy', 'we gaçybatalga'], ['Psihologik', 'goldaw'], ['Hukuk', 'goldawy'], ['Lukmançylyk', 'kömegi']],
    close: ['Ýagdaý boýunça işi alyp barmak,', 'gözden geçirmek, ýapmak (F8)', 'we soňky gözegçilik'],
  },
  ru: {
    entry: ['Точки обращения: телефон доверия, кризисный центр,', 'служба социальной работы этрапа, учреждения', 'здравоохранения, органы полиции, школы'],
    first: ['Первое обращение: беседа наедине и в безопасном', 'месте, нужды безопасности и медицинские нужды,', 'информированное согласие (F1)'],
    danger: ['Непосредственная', 'угроза жизни:', 'немедленно', 'вызываются полиция', 'и скорая помощь'],
    risk: ['Оценка уровня риска (F3)', 'в течение 24 часов;', 'план безопасности (F4)'],
    referral: ['Направление (F5) только с информированного', 'согласия женщины; принимающее ведомство', 'отвечает в течение 5 рабочих дней'],
    services: [['Кризисная', 'поддержка', 'и убежище'], ['Психологическая', 'поддержка'], ['Правовая', 'поддержка'], ['Медицинская', 'помощь']],
    close: ['Ведение случая, пересмотр,', 'закрытие (F8) и последующее', 'наблюдение'],
  },
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function box(x, y, w, h, lines, fill, size = 32) {
  const lineHeight = size * 1.3;
  const top = y + h / 2 - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
  const text = lines.map((l, i) => `<text x="${x + w / 2}" y="${top + i * lineHeight}" text-anchor="middle" font-family="Liberation Sans, DejaVu Sans, sans-serif" font-size="${size}" fill="#1a1a1a">${esc(l)}</text>`).join('');
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14" fill="${fill}" stroke="#3b4a5a" stroke-width="3"/>${text}`;
}

function arrow(x1, y1, x2, y2) {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#3b4a5a" stroke-width="4" marker-end="url(#head)"/>`;
}

function svg(t) {
  const mainX = 40;
  const mainW = 980;
  const cx = mainX + mainW / 2;
  const rowH = 150;
  const rows = [20, 220, 420, 620];
  const parts = [
    box(mainX, rows[0], mainW, rowH, t.entry, '#e8eef5'),
    arrow(cx, rows[0] + rowH, cx, rows[1] - 6),
    box(mainX, rows[1], mainW, rowH, t.first, '#ffffff'),
    box(1066, rows[1] - 35, 318, 220, t.danger, '#f6dcdc', 28),
    arrow(mainX + mainW, rows[1] + rowH / 2, 1060, rows[1] + rowH / 2),
    arrow(cx, rows[1] + rowH, cx, rows[2] - 6),
    box(mainX, rows[2], mainW, rowH, t.risk, '#ffffff'),
    arrow(cx, rows[2] + rowH, cx, rows[3] - 6),
    box(mainX, rows[3], mainW, rowH, t.referral, '#fff6dc'),
  ];
  const sw = 305;
  const gap = (W - 2 * mainX - 4 * sw) / 3;
  const top = 850;
  const sh = 150;
  const centres = t.services.map((_, i) => mainX + i * (sw + gap) + sw / 2);
  t.services.forEach((lines, i) => {
    const x = mainX + i * (sw + gap);
    parts.push(arrow(cx, rows[3] + rowH, x + sw / 2, top - 6), box(x, top, sw, sh, lines, '#e3f1e3', 30));
    // Every service leads on to case management: a bracket under the row, one arrow down.
    parts.push(`<line x1="${x + sw / 2}" y1="${top + sh}" x2="${x + sw / 2}" y2="${top + sh + 30}" stroke="#3b4a5a" stroke-width="4"/>`);
  });
  parts.push(`<line x1="${centres[0]}" y1="${top + sh + 30}" x2="${centres[centres.length - 1]}" y2="${top + sh + 30}" stroke="#3b4a5a" stroke-width="4"/>`);
  const last = top + sh + 60;
  parts.push(arrow(cx, top + sh + 30, cx, last - 6), box(mainX, last, mainW, rowH, t.close, '#e8eef5'));
  const height = last + rowH + 20;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">
<defs><marker id="head" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#3b4a5a"/></marker></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
${parts.join('\n')}
</svg>
`;
}

const work = mkdtempSync(join(tmpdir(), 'tertip-figures-'));
for (const lang of ['tk', 'ru']) {
  const file = join(work, `gbv-referral-${lang}.svg`);
  writeFileSync(file, svg(TEXT[lang]));
  const out = join(ROOT, 'specs', 'assets', `gbv-referral-${lang}.png`);
  const r = spawnSync('rsvg-convert', ['--format', 'png', '--output', out, file], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('rsvg-convert could not convert the SVG (apt-get install librsvg2-bin)');
  console.log(`specs/assets/gbv-referral-${lang}.png`);
}
