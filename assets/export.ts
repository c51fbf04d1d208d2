// "Download these rows": the rows the reader sees, as CSV (RFC 4180, UTF-8
// with a byte order mark so spreadsheet programs read the accents), built in
// the page from the table itself and handed to the browser as a download —
// a Blob URL, no request, so it works from file:// and under the site's CSP.

import type { MatrixApp } from "./matrix";

/** field quotes a CSV field when it has a comma, quote or line break. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** text is an element's visible text, white space collapsed, without the parts marked aria-hidden or the permalink. */
function text(el: Element | null): string {
  if (!el) return "";
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll("[aria-hidden=true], .permalink, mark").forEach((m) => {
    if (m.tagName === "MARK") m.replaceWith(document.createTextNode(m.textContent || ""));
    else m.remove();
  });
  return (copy.textContent || "").replace(/\s+/g, " ").trim();
}

/** lines are the texts of an element's lines: the text around <br>, or its list items. */
function lines(el: Element | null): string[] {
  if (!el) return [];
  const items = el.querySelectorAll("li");
  if (items.length) return Array.from(items).map((li) => text(li));
  const out: string[] = [];
  let cur = "";
  el.childNodes.forEach((n) => {
    if (n.nodeName === "BR") {
      out.push(cur);
      cur = "";
    } else if (!(n instanceof Element && n.classList.contains("permalink"))) cur += n.textContent || "";
  });
  out.push(cur);
  return out.map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => s);
}

/** protection writes a row's last cell as "Protect: a | b; Recover: c". */
function protection(el: Element | null): string {
  if (!el) return "";
  const parts: string[] = [];
  let cur: string[] = [];
  let label = "";
  const push = () => {
    if (label || cur.length) parts.push((label ? label + ": " : "") + cur.join(" | "));
  };
  el.querySelectorAll("dt, dd").forEach((n) => {
    if (n.tagName === "DT") {
      push();
      label = text(n);
      cur = [];
    } else cur.push(text(n));
  });
  push();
  return parts.join("; ");
}

/** csv is the CSV of the rows shown: an id column, then the table's columns. */
export function csv(app: MatrixApp): string {
  const table = app.root.querySelector("table.matrix")!;
  const head = Array.from(table.querySelectorAll("thead th")).map((th) => text(th));
  const out: string[][] = [["id", ...head]];
  const loc = app.root.closest("[data-locale]");
  const prefix = loc ? (loc as HTMLElement).dataset.locale + "-" : "";
  for (const i of app.shownRows()) {
    const tr = app.rows[i];
    const cells = Array.from(tr.children);
    const id = tr.id.startsWith(prefix) ? tr.id.slice(prefix.length) : tr.id;
    const row = [id, text(cells[0]), lines(cells[1]).join(" | "), lines(cells[2]).join(" | ")];
    for (let k = 3; k < cells.length - 1; k++) {
      const badge = text(cells[k].querySelector(".badge"));
      const cond = text(cells[k].querySelector(".cond"));
      row.push(cond ? badge + ": " + cond : badge);
    }
    row.push(protection(cells[cells.length - 1]));
    out.push(row);
  }
  return out.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

/** exportCSV downloads the rows shown as a CSV file. */
export function exportCSV(app: MatrixApp): void {
  const blob = new Blob(["\ufeff" + csv(app)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = (app.data.ui["export.file"] || "matrix.csv").replace("{locale}", document.documentElement.lang || "");
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
