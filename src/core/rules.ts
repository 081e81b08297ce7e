/**
 * The closed catalogue of rule ids. Ids are stable API: CI filters, SARIF results and
 * drafters' muscle memory depend on them, so rename only with a changelog entry.
 */
export interface RuleInfo {
  severity: 'error' | 'warning';
  /** One line, shown in SARIF `shortDescription` and JUnit. */
  summary: string;
  /** What to do about it, in words a drafter understands. */
  help: string;
}

function r(severity: RuleInfo['severity'], summary: string, help: string): RuleInfo {
  return { severity, summary, help };
}

export const RULES = {
  // --- files -------------------------------------------------------------------------------
  'file-read': r('error', 'The file could not be read.', 'Check that the file exists and is readable.'),
  'file-too-large': r('error', 'The file is larger than the limit.', 'Specification files are limited to 1 MiB; split the document or move data into annexes.'),
  'file-encoding': r('error', 'The file is not valid UTF-8.', 'Save the file as UTF-8 (not Windows-1251 or UTF-16). In VS Code: "Save with Encoding" → UTF-8.'),
  'file-control-char': r('error', 'The file contains a control or non-character code point.', 'Delete the invisible character; it usually comes from copy-pasting out of old Word files.'),
  'file-empty': r('error', 'The file is empty.', 'Write the front matter and the body of the document, or delete the file.'),
  'file-symlink': r('error', 'A symbolic link was found under specs/.', 'Replace the link with a real file: links could make the build read files outside the project.'),
  'file-unexpected': r('warning', 'A file that is not a specification was found under specs/ and ignored.', 'Only specs/<collection>/<id>/<tk|ru>.md, specs/packs/*.yaml and images under specs/assets/ belong in specs/.'),
  'file-location': r('error', 'A Markdown file is not where a specification must be.', 'Put each language version at specs/<services|sops|acts>/<id>/<tk|ru>.md.'),
  'text-nfc': r('warning', 'The text is not in Unicode NFC form.', 'Letters such as ň or ý were typed as a base letter plus a combining mark; retype them (Tertip normalises them for the outputs).'),
  'text-script': r('warning', 'A word mixes scripts or uses letters of the other language.', 'Check for Cyrillic letters in Turkmen text (or Turkmen letters in Russian text): homoglyphs such as Cyrillic "а" look like Latin "a".'),
  'text-legacy-letter': r('warning', 'A character from an obsolete Turkmen alphabet or a wrong look-alike is used.', 'Use ň (not ñ), ş (not ș), ž, ý, and write the currency as "manat"/"TMT" (not ₼).'),
  'tk-ordinal': r('warning', 'A Turkmen ordinal number has the wrong suffix.', 'Turkmen ordinals take -nji or -njy by the vowel of the last word spoken: 1-nji (bir), 6-njy (alty), 9-njy (dokuz), 10-njy (on), 20-nji (ýigrimi), 2021-nji (bir).'),

  // --- front matter ------------------------------------------------------------------------
  'fm-missing': r('error', 'The file does not start with YAML front matter.', 'Start the file with a line "---", the YAML fields, and a closing line "---".'),
  'fm-unclosed': r('error', 'The front matter is not closed.', 'Add a line containing only "---" after the last front-matter field.'),
  'fm-language': r('error', 'The front matter names a language other than YAML.', 'Front matter must be plain YAML: the first line is exactly "---". Code in front matter is never run.'),
  'fm-too-large': r('error', 'The front matter is larger than the limit.', 'Front matter is limited to 256 KiB; move long texts into the body.'),
  'fm-syntax': r('error', 'The front matter is not valid YAML.', 'Fix the YAML at the position shown (indent with spaces, quote values that contain ": " or start with a special character).'),
  'fm-yaml-feature': r('error', 'The front matter uses a YAML feature that is not allowed.', 'Anchors (&), aliases (*), tags (!), merge keys (<<) and directives (%) are not allowed in specifications: write values out in full.'),
  'fm-schema': r('error', 'A front-matter value does not match the schema of its kind.', 'Correct the value as the message says; the schema in schemas/ describes every field.'),
  'fm-required': r('error', 'A required front-matter field is missing.', 'Add the field; the schema in schemas/ describes what it holds.'),
  'fm-unknown-field': r('error', 'A front-matter field is not known for this kind of document.', 'Check the spelling against the schema, or remove the field.'),
  'fm-kind-unknown': r('error', 'The document kind is not known.', 'Use one of: service-specification, sop, normative-act.'),
  'fm-kind-collection': r('error', 'The document kind does not belong in this collection.', 'Service specifications go in specs/services, SOPs in specs/sops, normative acts in specs/acts.'),
  'fm-id-folder': r('error', 'The document id differs from its folder name.', 'The id in the front matter must equal the name of the folder that holds the file.'),
  'fm-lang-file': r('error', 'The language in the front matter differs from the file name.', 'tk.md holds lang: tk and ru.md holds lang: ru.'),
  'fm-duplicate-item': r('error', 'Two items of a front-matter list share an id.', 'Give every item (indicator, standard, step, ...) its own id.'),
  'fm-dangling-ref': r('error', 'A front-matter field refers to an id that does not exist.', 'Refer only to ids defined in the same front matter (e.g. an expected result to an indicator).'),
  'fm-date-order': r('error', 'Dates in the front matter are out of order.', 'Check the dates: a document cannot be updated before it was created, or approved before it was agreed.'),
  'fm-status': r('error', 'The status requires fields that are missing.', 'An approved document needs the approving order\'s number and date; a registered act needs its registration.'),

  // --- documents in the corpus --------------------------------------------------------------
  'doc-duplicate-id': r('error', 'Two documents have the same id.', 'Document ids are unique across all collections; rename one folder and its id.'),
  'doc-missing-lang': r('error', 'A language version of the document is missing.', 'Every document needs tk.md and ru.md; while it is a draft this is only a warning.'),

  // --- body structure -----------------------------------------------------------------------
  'body-empty': r('error', 'The document has no body.', 'Write the sections the kind requires after the front matter.'),
  'body-outside-section': r('error', 'Text appears before the first section heading.', 'Start the body with a "## Heading {#id}" section; the title comes from the front matter.'),
  'heading-level': r('error', 'A heading has a level that is not allowed here.', 'Use "##" for sections and "###" for subsections; the document title comes from the front matter.'),
  'section-id-missing': r('error', 'A section heading has no id.', 'End the heading with a language-independent id, e.g. "## Umumy düzgünler {#general}".'),
  'section-required': r('error', 'A section the kind requires is missing.', 'Add the section with its id; see the list of sections for this kind in README.md.'),
  'section-unknown': r('error', 'A section id is not defined for this kind of document.', 'Use one of the section ids listed for this kind in README.md.'),
  'section-duplicate': r('error', 'A section appears twice.', 'Merge the two sections or give the second its proper id.'),
  'section-order': r('error', 'A section is out of order.', 'Move the section to its place in the order the kind defines.'),
  'anchor-syntax': r('error', 'An id attribute is malformed.', 'Write ids as {#id} with lower-case letters, digits and hyphens, e.g. {#eligibility-age}.'),
  'anchor-duplicate': r('error', 'Two sections, clauses or figures share an id.', 'Ids must be unique within a document.'),
  'clause-depth': r('error', 'Clauses are nested deeper than the kind allows.', 'Restructure the clause: service specifications and SOPs allow 1.1.1., acts allow 1. and 1).'),
  'list-start': r('warning', 'A numbered list does not start at 1.', 'Clause numbers are generated from the structure; write "1." for the first item.'),
  'md-html': r('error', 'Raw HTML or an HTML comment is in the body.', 'HTML is not allowed in specifications (comments would be lost or leak); write plain Markdown.'),
  'md-link': r('error', 'A link has a scheme or target that is not allowed.', 'Links may be https: or mailto:; cross-references are written [](#id) or [](document-id#id).'),
  'md-image': r('error', 'An image path is not allowed or the image is not usable.', 'Images must be PNG or JPEG files under specs/assets/, referenced by a relative path, at most 4096×4096 pixels and 20 MB.'),
  'md-figure': r('error', 'An image is not placed as a figure or has no description.', 'Put each image in a paragraph of its own, ![what it shows](assets/file.png "Caption"), with blank lines around it; it is printed as a numbered figure with the caption (or the description) under it.'),
  'md-too-deep': r('error', 'The Markdown is nested too deeply.', 'Flatten the nested lists or quotes; at most 32 levels are allowed.'),
  'md-timeout': r('error', 'The Markdown took too long to parse.', 'The text has a pathological pattern (e.g. thousands of unmatched * or [). Simplify the paragraph at or after the position shown.'),
  'md-table': r('error', 'A table is malformed.', 'Every row must have as many cells as the header row.'),
  'md-unsupported': r('error', 'A Markdown construct is not supported in specifications.', 'Use paragraphs, lists, tables, emphasis, footnotes, links and cross-references.'),

  // --- cross-references ----------------------------------------------------------------------
  'xref-broken': r('error', 'A cross-reference points to a document, section, clause or figure that does not exist.', 'Check the id after # and the document id before it.'),
  'xref-template': r('error', 'A cross-reference text uses an unknown placeholder.', 'Use {n} for the number, {ord} for the Turkmen ordinal form and {title} for a document title.'),

  // --- parity between language versions -------------------------------------------------------
  'parity-front-matter': r('error', 'A language-neutral front-matter value differs between the language versions.', 'Numbers, dates, codes, ids and targets must be the same in tk.md and ru.md; the Turkmen text is authoritative.'),
  'parity-sections': r('error', 'The language versions have different sections.', 'Both language versions need the same section ids in the same order.'),
  'parity-clauses': r('error', 'The language versions number their clauses differently.', 'Both language versions need the same clauses (and clause ids) in each section.'),
  'parity-figures': r('error', 'The language versions have different figures.', 'Both language versions need the same number of figures in each section, each with the same id ({#id} after the image), so that "3-nji surat" and "Рисунок 3" are the same figure; the image files may differ (a diagram with Turkmen or Russian labels).'),
  'parity-xrefs': r('error', 'The language versions cross-reference different places.', 'A clause must refer to the same sections and clauses in both languages.'),
  'parity-numbers': r('warning', 'The numbers, percentages or dates of a passage differ between the language versions.', 'Compare the two passages: a number changed in one translation is a common and costly mistake.'),

  // --- packs and build ------------------------------------------------------------------------
  'pack-schema': r('error', 'A pack definition does not match its schema.', 'Correct the pack definition in specs/packs/ as the message says.'),
  'pack-unknown-document': r('error', 'A pack lists a document that does not exist.', 'List only ids of documents under specs/.'),
  'render-glyph': r('error', 'A character cannot be drawn with the embedded font.', 'Replace the character (e.g. with an ordinary letter or punctuation mark); the PDF would show an empty box.'),
  'internal-error': r('error', 'Tertip failed while reading or rendering this file.', 'This is a problem in Tertip, not in the document: report it with the file named (the command exits with code 2).'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
