const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Prints a text (the publicity notice) in a new window laid out for paper; nothing is loaded from outside. */
export function printText(title: string, text: string): void {
  const w = window.open('', '_blank');
  if (!w) return;
  const body = text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l) || '&nbsp;'}</p>`)
    .join('');
  w.document.write(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:"SimSun","Songti SC",serif;max-width:40em;margin:3em auto;line-height:1.9}p{margin:0}p:first-child{text-align:center;font-size:1.4em;font-weight:bold;margin-bottom:1em}@media print{body{margin:2cm}}</style></head><body>${body}</body></html>`,
  );
  w.document.close();
  w.focus();
  w.print();
}
