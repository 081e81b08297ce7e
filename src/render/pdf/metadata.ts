/**
 * Document information: the Info dictionary and the XMP packet, which PDF/A requires to agree.
 * Every date is the model's build date (never the clock), so two renders give the same bytes.
 */
import type { DocProperties } from '../../model/types.js';
import { internals } from './internals.js';

export const CREATOR = 'Tertip';
export const PRODUCER = 'Tertip (PDFKit)';

/** The build date as a Date; a clear error instead of "Invalid Date" in the file. */
export function buildDate(properties: DocProperties): Date {
  const date = new Date(properties.date);
  if (Number.isNaN(date.getTime())) throw new Error(`document date "${properties.date}" is not an ISO 8601 date`);
  return date;
}

export function documentInfo(properties: DocProperties): PDFKit.DocumentInfo {
  const date = buildDate(properties);
  return {
    Title: properties.title,
    Author: properties.author,
    Subject: properties.subject,
    Keywords: properties.keywords.join(', '),
    Creator: CREATOR,
    Producer: PRODUCER,
    CreationDate: date,
    ModDate: date,
  };
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0] as string}Z`;
}

/** Replaces pdfkit's XMP writer with one that escapes, dates modification and lists keywords. */
export function installXmp(doc: PDFKit.PDFDocument, properties: DocProperties): void {
  const target = internals(doc);
  const date = xmpDate(buildDate(properties));
  const keywords = properties.keywords.join(', ');
  target._addInfo = () => {
    target.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${date}</xmp:CreateDate>
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
            <xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(properties.title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xml(properties.author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(properties.subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:subject><rdf:Bag>${properties.keywords.map((keyword) => `<rdf:li>${xml(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
            <dc:language><rdf:Bag><rdf:li>${xml(properties.language)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xml(PRODUCER)}</pdf:Producer>
            <pdf:Keywords>${xml(keywords)}</pdf:Keywords>
        </rdf:Description>
        `);
  };
}
