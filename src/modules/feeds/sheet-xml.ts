/**
 * Worksheet XML as text (SPEC §10 .xlsx import): the merged ranges a sheet declares after its rows, and the rewriting of
 * markup the streaming reader misreads. Pure; xlsx-zip.ts does the file and zip work around it.
 */

const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([A-Za-z]+\d+:[A-Za-z]+\d+)["']/g;

/**
 * Worksheet XML the streaming reader misreads, looked for at the start of the sheet: tags with a namespace prefix
 * (<x:row>, as the .NET OpenXML SDK writes: no rows at all), rows without their r="1" reference (a crash), and inline
 * rich text (<is><r>…: only the last run kept). Such a sheet is rewritten by readableSheetXml.
 */
export function needsRewrite(start: string): boolean {
  return (
    /<\w+:(sheetData|row|c)\b/.test(start) || /<row\b(?![^>]*\sr\s*=)[^>]*>/.test(start) || /<is>\s*<r>/.test(start)
  );
}

export function mergesIn(text: string, into: string[]): void {
  for (const m of text.matchAll(MERGE_REF)) {
    const [a, b] = (m[1] as string).split(':') as [string, string];
    if (a.replace(/^[A-Za-z]+/, '') !== b.replace(/^[A-Za-z]+/, '')) into.push((m[1] as string).toUpperCase());
  }
}

export const columnName = (n: number): string => {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
};
export const columnNumber = (ref: string): number => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/** <x:row> → <row>: the reader compares tag names without their prefix. */
export const dropPrefixes = (xml: string) => xml.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, '<$1');

/**
 * Worksheet XML as the streaming reader reads it (needsRewrite): tag prefixes dropped, every row and cell given its
 * r reference in order, and inline rich text joined into one text. Works on the latin1 view of the UTF-8 bytes, so
 * only ASCII markup is touched and the text passes through byte for byte.
 */
export function readableSheetXml(xml: string): string {
  let row = 0;
  let col = 0;
  return dropPrefixes(xml)
    .replace(/<(row|c)\b([^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
      const r = /\sr\s*=\s*"([^"]*)"/.exec(attrs);
      if (name === 'row') {
        row = r ? Number(r[1]) : row + 1;
        col = 0;
        return r ? tag : `<row r="${row}"${attrs}${close}>`;
      }
      col = r ? columnNumber(r[1] as string) : col + 1;
      return r ? tag : `<c r="${columnName(col)}${row}"${attrs}${close}>`;
    })
    .replace(/<is>([\s\S]*?)<\/is>/g, (all, inner: string) => {
      const texts = [...inner.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
      return texts.length > 1 ? `<is><t xml:space="preserve">${texts.join('')}</t></is>` : all;
    });
}
